package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiDecryptionException;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.testinfra.MutableClock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SealedIdentityTest {

  private static final PiiCipher CIPHER =
      new PiiCipher(PiiKeyRing.of("k1", Map.of("k1", new byte[32])));

  @Test
  void opensForItsOwnVerificationOnly() {
    NewVerification nv =
        NewVerification.seal(
            Fixtures.request("r-1"),
            Fixtures.HASH,
            CIPHER,
            MutableClock.at("2026-11-26T10:00:00Z"));

    SealedIdentity sealed = nv.identity();

    assertThat(CIPHER.open(sealed.certName(), SealedIdentity.certNameContext(nv.id())))
        .isEqualTo(Fixtures.CERT_NAME);
    assertThat(CIPHER.open(sealed.certNo(), SealedIdentity.certNoContext(nv.id())))
        .isEqualTo(Fixtures.CERT_NO);
    assertThatThrownBy(
            () -> CIPHER.open(sealed.certNo(), SealedIdentity.certNoContext(UUID.randomUUID())))
        .isInstanceOf(PiiDecryptionException.class);
    assertThatThrownBy(() -> CIPHER.open(sealed.certNo(), SealedIdentity.certNameContext(nv.id())))
        .isInstanceOf(PiiDecryptionException.class);
  }

  @Test
  void nothingPrintableHoldsThePlaintext() {
    NewVerification nv =
        NewVerification.seal(
            Fixtures.request("r-2"),
            Fixtures.HASH,
            CIPHER,
            MutableClock.at("2026-11-26T10:00:00Z"));
    String printed = nv + " " + nv.identity();

    assertThat(printed).doesNotContain(Fixtures.CERT_NAME).doesNotContain(Fixtures.CERT_NO);
    assertThat(nv.identity().keyId()).isEqualTo("k1");
  }

  @Test
  void idsAreTimeOrderedVersion7() {
    MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    UUID first = VerificationIds.next(clock);
    clock.advance(java.time.Duration.ofMillis(1));
    UUID second = VerificationIds.next(clock);

    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(clock.millis() - 1);
    assertThat(
            Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
        .isNegative();
  }
}
