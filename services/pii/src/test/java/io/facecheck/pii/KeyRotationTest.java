package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyRotationTest {

  private static final String CONTEXT = "verification:42:cert_name";
  private static final String K1 = "k1:" + TestKeys.base64(1);
  private static final String K2 = "k2:" + TestKeys.base64(2);

  @Test
  void ringWithNewActiveKeyStillOpensValuesSealedUnderTheOldOne() {
    SealedValue old = new PiiCipher(PiiKeyRing.parse("k1", K1)).seal("张三", CONTEXT);

    PiiCipher rotated = new PiiCipher(PiiKeyRing.parse("k2", K1 + "," + K2));

    assertThat(old.keyId()).isEqualTo("k1");
    assertThat(rotated.open(old, CONTEXT)).isEqualTo("张三");
  }

  @Test
  void newSealsAfterRotationUseTheNewActiveKey() {
    PiiCipher rotated = new PiiCipher(PiiKeyRing.parse("k2", K1 + "," + K2));

    SealedValue fresh = rotated.seal("张三", CONTEXT);

    assertThat(fresh.keyId()).isEqualTo("k2");
    assertThat(new PiiCipher(PiiKeyRing.parse("k2", K2)).open(fresh, CONTEXT)).isEqualTo("张三");
  }

  @Test
  void ringThatDroppedTheOldKeyFailsClearly() {
    SealedValue old = new PiiCipher(PiiKeyRing.parse("k1", K1)).seal("张三", CONTEXT);

    PiiCipher withoutK1 = new PiiCipher(PiiKeyRing.parse("k2", K2));

    assertThatThrownBy(() -> withoutK1.open(old, CONTEXT))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessage("PII sealed under key 'k1', which this key ring does not hold");
  }

  @Test
  void keyWithTheSameIdButOtherBytesDoesNotOpen() {
    SealedValue old = new PiiCipher(PiiKeyRing.parse("k1", K1)).seal("张三", CONTEXT);

    PiiCipher impostor = new PiiCipher(PiiKeyRing.parse("k1", "k1:" + TestKeys.base64(9)));

    assertThatThrownBy(() -> impostor.open(old, CONTEXT))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("'k1'")
        .hasMessageNotContaining("张三");
  }
}
