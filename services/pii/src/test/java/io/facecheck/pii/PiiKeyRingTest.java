package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiKeyRingTest {

  private static final String K1 = TestKeys.base64(1);
  private static final String K2 = TestKeys.base64(2);

  @Test
  void parsesSpecWithSeveralKeysAndBlanks() {
    PiiKeyRing ring = PiiKeyRing.parse("k2", " k1:" + K1 + " , k2:" + K2 + " ");

    assertThat(ring.activeKeyId()).isEqualTo("k2");
    assertThat(ring.has("k1")).isTrue();
    assertThat(ring.has("k2")).isTrue();
    assertThat(ring.has("k3")).isFalse();
    assertThat(ring.has(null)).isFalse();
  }

  @Test
  void parsedRingOpensWhatAnEquivalentMapRingSealed() {
    PiiKeyRing fromMap = PiiKeyRing.of("k1", Map.of("k1", TestKeys.bytes(1)));
    PiiKeyRing fromSpec = PiiKeyRing.parse("k1", "k1:" + K1);

    SealedValue sealed = new PiiCipher(fromMap).seal("张三", "ctx");

    assertThat(new PiiCipher(fromSpec).open(sealed, "ctx")).isEqualTo("张三");
  }

  @Test
  void rejectsKeysThatAreNot32BytesWithoutPrintingThem() {
    byte[] short16 = TestKeys.bytes(7);
    byte[] tooShort = java.util.Arrays.copyOf(short16, 16);
    String tooShortBase64 = Base64.getEncoder().encodeToString(tooShort);

    assertThatThrownBy(() -> PiiKeyRing.of("k1", Map.of("k1", tooShort)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k1'")
        .hasMessageContaining("32 bytes")
        .hasMessageContaining("got 16");
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", "k1:" + tooShortBase64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 16")
        .message()
        .doesNotContain(tooShortBase64);
    assertThatThrownBy(() -> PiiKeyRing.of("k1", Map.of("k1", new byte[33])))
        .hasMessageContaining("got 33");
  }

  @Test
  void rejectsInvalidBase64WithoutQuotingIt() {
    String bad = "secret*material*" + K1.substring(16);

    assertThatThrownBy(() -> PiiKeyRing.parse("k1", "k1:" + bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PII key 'k1' is not valid base64")
        .hasNoCause();
  }

  @Test
  void rejectsMalformedSpecs() {
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry #1")
        .message()
        .doesNotContain(K1);
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", "k1:" + K1 + ","))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry #2");
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", "k1:" + K1 + ",k1:" + K2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than once");
    assertThatThrownBy(() -> PiiKeyRing.parse("k1", "bad id:" + K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad id' is invalid");
  }

  @Test
  void rejectsActiveIdThatIsMissingOrNotInTheRing() {
    assertThatThrownBy(() -> PiiKeyRing.parse("k9", "k1:" + K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k9'")
        .hasMessageContaining("[k1]");
    assertThatThrownBy(() -> PiiKeyRing.parse(null, "k1:" + K1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> PiiKeyRing.of(" ", Map.of("k1", TestKeys.bytes(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNullKeyBytesAndNullIds() {
    Map<String, byte[]> nullBytes = new LinkedHashMap<>();
    nullBytes.put("k1", null);
    Map<String, byte[]> nullId = new LinkedHashMap<>();
    nullId.put(null, TestKeys.bytes(1));

    assertThatThrownBy(() -> PiiKeyRing.of("k1", nullBytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got none");
    assertThatThrownBy(() -> PiiKeyRing.of("k1", nullId))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyBytesChangedByTheCallerLaterDoNotAffectTheRing() {
    byte[] key = TestKeys.bytes(1);
    PiiKeyRing ring = PiiKeyRing.of("k1", Map.of("k1", key));
    SealedValue sealed = new PiiCipher(ring).seal("李四", "ctx");

    java.util.Arrays.fill(key, (byte) 0);

    assertThat(new PiiCipher(ring).open(sealed, "ctx")).isEqualTo("李四");
  }

  @Test
  void toStringListsIdsOnly() {
    PiiKeyRing ring = PiiKeyRing.parse("k1", "k1:" + K1 + ",k2:" + K2);

    assertThat(ring.toString()).contains("k1", "k2").doesNotContain(K1).doesNotContain(K2);
  }
}
