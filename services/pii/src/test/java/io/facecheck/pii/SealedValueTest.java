package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SealedValueTest {

  @Test
  void equalsAndHashCodeCompareContent() {
    SealedValue a = new SealedValue("k1", new byte[] {1, 2, 3});
    SealedValue b = new SealedValue("k1", new byte[] {1, 2, 3});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new SealedValue("k2", new byte[] {1, 2, 3}));
    assertThat(a).isNotEqualTo(new SealedValue("k1", new byte[] {1, 2, 4}));
  }

  @Test
  void toStringShowsKeyIdAndLengthButNoBytes() {
    SealedValue sealed = new SealedValue("k1", new byte[] {42, 43, 44});

    assertThat(sealed.toString())
        .contains("k1")
        .contains("3 bytes")
        .doesNotContain("42")
        .doesNotContain("[B@");
  }

  @Test
  void isImmutableAgainstCallerArrays() {
    byte[] input = {1, 2, 3};
    SealedValue sealed = new SealedValue("k1", input);

    input[0] = 9;
    sealed.ciphertext()[1] = 9;

    assertThat(sealed.ciphertext()).containsExactly(1, 2, 3);
  }

  @Test
  void rejectsMissingParts() {
    assertThatThrownBy(() -> new SealedValue(null, new byte[1]))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SealedValue("k1", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SealedValue(" ", new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
