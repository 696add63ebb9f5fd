package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiCipherTest {

  private static final String CONTEXT = "verification:6f1c1c1e-9a51-4a4e-9d55-0c2c3c8f7a10:cert_no";
  private static final String CERT_NO = "11010519491231002X";

  private final PiiCipher cipher = new PiiCipher(TestKeys.ring("k1", "k1"));

  @ParameterizedTest
  @ValueSource(strings = {CERT_NO, "张三", "欧阳娜娜·阿依古丽", "O'Brien-Łukasz 😀", " "})
  void opensWhatItSealed(String plaintext) {
    SealedValue sealed = cipher.seal(plaintext, CONTEXT);

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(plaintext);
  }

  @Test
  void ciphertextIsIvPlusBodyPlusTagAndNeverContainsThePlaintext() {
    SealedValue sealed = cipher.seal(CERT_NO, CONTEXT);
    byte[] plain = CERT_NO.getBytes(StandardCharsets.UTF_8);

    assertThat(sealed.ciphertext()).hasSize(12 + plain.length + 16);
    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain(CERT_NO);
  }

  /**
   * Decision: empty is a legal value (GCM authenticates it); callers that forbid it validate it.
   */
  @Test
  void sealsTheEmptyStringAsIvAndTagOnly() {
    SealedValue sealed = cipher.seal("", CONTEXT);

    assertThat(sealed.ciphertext()).hasSize(12 + 16);
    assertThat(cipher.open(sealed, CONTEXT)).isEmpty();
  }

  @Test
  void usesAFreshRandomIvForEverySeal() {
    SealedValue first = cipher.seal(CERT_NO, CONTEXT);
    SealedValue second = cipher.seal(CERT_NO, CONTEXT);

    assertThat(first).isNotEqualTo(second);
    assertThat(Arrays.copyOf(first.ciphertext(), 12))
        .isNotEqualTo(Arrays.copyOf(second.ciphertext(), 12));
  }

  @ParameterizedTest(name = "flipping a bit at byte {0}")
  @ValueSource(ints = {0, 11, 12, 20, 29, 30, 45})
  void rejectsTamperedIvBodyOrTag(int index) {
    // 12 IV + 18 body + 16 tag = 46 bytes: 0 and 11 hit the IV, 12-29 the body, 30-45 the tag.
    byte[] bytes = cipher.seal(CERT_NO, CONTEXT).ciphertext();
    bytes[index] ^= 0x01;
    SealedValue tampered = new SealedValue("k1", bytes);

    assertThatThrownBy(() -> cipher.open(tampered, CONTEXT))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("'k1'")
        .hasMessageContaining("failed authentication")
        .message()
        .doesNotContain(CERT_NO);
  }

  @Test
  void rejectsOpeningUnderAnotherContext() {
    SealedValue certNo = cipher.seal(CERT_NO, CONTEXT);

    // The same value copied into the cert_name column, or into another verification's row.
    assertThatThrownBy(() -> cipher.open(certNo, CONTEXT.replace("cert_no", "cert_name")))
        .isInstanceOf(PiiDecryptionException.class);
    assertThatThrownBy(
            () -> cipher.open(certNo, "verification:00000000-0000-0000-0000-000000000000:cert_no"))
        .isInstanceOf(PiiDecryptionException.class);
  }

  @Test
  void rejectsTruncatedCiphertext() {
    byte[] bytes = cipher.seal(CERT_NO, CONTEXT).ciphertext();

    for (int length : new int[] {0, 11, 27, 28, bytes.length - 1}) {
      SealedValue truncated = new SealedValue("k1", Arrays.copyOf(bytes, length));
      assertThatThrownBy(() -> cipher.open(truncated, CONTEXT))
          .as("length %d", length)
          .isInstanceOf(PiiDecryptionException.class)
          .hasMessageContaining("'k1'");
    }
  }

  @Test
  void rejectsUnknownKeyIdNamingIt() {
    SealedValue sealed = cipher.seal(CERT_NO, CONTEXT);
    SealedValue relabelled = new SealedValue("k7", sealed.ciphertext());

    assertThatThrownBy(() -> cipher.open(relabelled, CONTEXT))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("'k7'")
        .hasMessageContaining("does not hold");
  }

  @Test
  void rejectsValueRelabelledWithAnotherKnownKeyId() {
    PiiCipher twoKeys = new PiiCipher(TestKeys.ring("k1", "k1", "k2"));
    SealedValue sealed = twoKeys.seal(CERT_NO, CONTEXT);

    assertThatThrownBy(() -> twoKeys.open(new SealedValue("k2", sealed.ciphertext()), CONTEXT))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("'k2'");
  }

  @Test
  void rejectsBlankContextAndNullInputs() {
    assertThatThrownBy(() -> cipher.seal(CERT_NO, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(CERT_NO);
    assertThatThrownBy(() -> cipher.seal(CERT_NO, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.seal(null, CONTEXT)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> cipher.open(null, CONTEXT)).isInstanceOf(NullPointerException.class);
    SealedValue sealed = cipher.seal(CERT_NO, CONTEXT);
    assertThatThrownBy(() -> cipher.open(sealed, " ")).isInstanceOf(IllegalArgumentException.class);
  }
}
