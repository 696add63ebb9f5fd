package io.facecheck.contracts.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.callback.CallbackToken.Refusal;
import io.facecheck.contracts.callback.CallbackToken.Refused;
import io.facecheck.contracts.callback.CallbackToken.Valid;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTokenTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  private static final UUID ID = UUID.fromString("0b6e4c3a-58a1-4c0e-9a2b-6f0d2f7c9e11");
  private static final Instant NOT_AFTER = Instant.parse("2026-11-26T10:15:00Z");
  private static final Instant BEFORE = NOT_AFTER.minusSeconds(600);

  private final CallbackToken tokens = new CallbackToken(SECRET);

  @Test
  void roundTripsTheVerificationIdAndExpiry() {
    String token = tokens.issue(ID, NOT_AFTER);

    assertThat(tokens.verify(token, BEFORE)).isEqualTo(new Valid(ID, NOT_AFTER, null));
  }

  @Test
  void versionTwoCarriesTheBusinessReturnUrl() {
    String url = "https://loan.example/kyc/done?order=42&lang=中文";
    String token = tokens.issue(ID, NOT_AFTER, url);

    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.verify(token, BEFORE)).isEqualTo(new Valid(ID, NOT_AFTER, url));
  }

  @Test
  void anAlteredReturnUrlIsForged() {
    String token = tokens.issue(ID, NOT_AFTER, "https://loan.example/a");
    String other = tokens.issue(ID, NOT_AFTER, "https://evil.example/a");
    // same length: the evil URL under the genuine token's MAC keeps the structure, only the MAC
    // can tell
    byte[] genuine = java.util.Base64.getUrlDecoder().decode(token);
    byte[] evil = java.util.Base64.getUrlDecoder().decode(other);
    System.arraycopy(genuine, genuine.length - 32, evil, evil.length - 32, 32);
    String spliced = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(evil);

    assertThat(tokens.verify(spliced, BEFORE)).isEqualTo(new Refused(Refusal.FORGED));
  }

  @Test
  void aVersionTwoTokenWithAWrongLengthIsMalformed() {
    String token = tokens.issue(ID, NOT_AFTER, "https://loan.example/a");
    byte[] bytes = java.util.Base64.getUrlDecoder().decode(token);
    bytes[26] = (byte) (bytes[26] + 1); // the url length no longer matches the token's size
    String bent = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

    assertThat(tokens.verify(bent, BEFORE)).isEqualTo(new Refused(Refusal.MALFORMED));
  }

  @Test
  void isUrlSafeWithoutPadding() {
    String token = tokens.issue(ID, NOT_AFTER);

    assertThat(token).matches("[A-Za-z0-9_-]{76}");
  }

  @Test
  void acceptsAnotherInstanceWithTheSameSecret() {
    String token = tokens.issue(ID, NOT_AFTER);

    assertThat(new CallbackToken(SECRET).verify(token, BEFORE)).isInstanceOf(Valid.class);
  }

  @Test
  void refusesEveryTokenWithOneCharacterAltered() {
    String token = tokens.issue(ID, NOT_AFTER);
    for (int i = 0; i < token.length(); i++) {
      char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
      String altered = token.substring(0, i) + replacement + token.substring(i + 1);

      CallbackToken.Check check = tokens.verify(altered, BEFORE);

      // position 0..1 hold the version byte: altering it makes the token unreadable
      assertThat(check).as("altered at %d", i).isInstanceOf(Refused.class);
      if (i >= 2) {
        assertThat(check).as("altered at %d", i).isEqualTo(new Refused(Refusal.FORGED));
      }
    }
  }

  @Test
  void refusesATokenSignedWithAnotherSecretAsForged() {
    String token = new CallbackToken(SECRET + "-other").issue(ID, NOT_AFTER);

    assertThat(tokens.verify(token, BEFORE)).isEqualTo(new Refused(Refusal.FORGED));
  }

  @Test
  void refusesAnExpiredTokenAsExpired() {
    String token = tokens.issue(ID, NOT_AFTER);

    assertThat(tokens.verify(token, NOT_AFTER)).isInstanceOf(Valid.class);
    assertThat(tokens.verify(token, NOT_AFTER.plusSeconds(1)))
        .isEqualTo(new Refused(Refusal.EXPIRED));
  }

  @Test
  void reportsAForgedExpiredTokenAsForged() {
    String token = new CallbackToken(SECRET + "-other").issue(ID, NOT_AFTER);

    assertThat(tokens.verify(token, NOT_AFTER.plusSeconds(3600)))
        .isEqualTo(new Refused(Refusal.FORGED));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x",
        "not a token at all",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "AAAA",
        "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
      })
  void refusesGarbageAsMalformedOrForged(String garbage) {
    CallbackToken.Check check = tokens.verify(garbage, BEFORE);

    assertThat(check).isInstanceOf(Refused.class);
    assertThat(((Refused) check).reason()).isIn(Refusal.MALFORMED, Refusal.FORGED);
  }

  @Test
  void refusesNullAndOverlongTokensAsMalformed() {
    assertThat(tokens.verify(null, BEFORE)).isEqualTo(new Refused(Refusal.MALFORMED));
    assertThat(tokens.verify("A".repeat(10_000), BEFORE)).isEqualTo(new Refused(Refusal.MALFORMED));
    assertThat(tokens.verify(tokens.issue(ID, NOT_AFTER) + "AAAA", BEFORE))
        .isEqualTo(new Refused(Refusal.MALFORMED));
  }

  @Test
  void rejectsSecretsShorterThan32Bytes() {
    assertThatThrownBy(() -> new CallbackToken("too-short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("too-short");
  }
}
