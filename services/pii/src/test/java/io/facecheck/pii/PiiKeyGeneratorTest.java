package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiKeyGeneratorTest {

  @Test
  void makesASpecEntryThatParsesIntoAWorkingRing() {
    String spec = PiiKeyGenerator.newKeySpec("dev-2025.1");

    assertThat(spec).startsWith("dev-2025.1:");
    assertThat(Base64.getDecoder().decode(spec.substring(spec.indexOf(':') + 1))).hasSize(32);
    PiiCipher cipher = new PiiCipher(PiiKeyRing.parse("dev-2025.1", spec));
    assertThat(cipher.open(cipher.seal("张三", "ctx"), "ctx")).isEqualTo("张三");
  }

  @Test
  void makesADifferentKeyEachTime() {
    assertThat(PiiKeyGenerator.newKeySpec("k1")).isNotEqualTo(PiiKeyGenerator.newKeySpec("k1"));
  }

  @Test
  void rejectsKeyIdsThatCouldNotBeParsedBack() {
    assertThatThrownBy(() -> PiiKeyGenerator.newKeySpec("a:b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PiiKeyGenerator.newKeySpec("a,b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PiiKeyGenerator.newKeySpec(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
