package io.facecheck.worker.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OuterOrderNumbersTest {

  @Test
  void isTheVerificationIdsThirtyTwoHexDigits() {
    UUID id = UUID.fromString("0b6e2f4a-1c3d-7e5f-8a9b-0c1d2e3f4a5b");
    assertThat(OuterOrderNumbers.of(id)).isEqualTo("0b6e2f4a1c3d7e5f8a9b0c1d2e3f4a5b");
  }

  @Test
  void isTheSameOnEveryRedriveAndFitsAlipaysFormat() {
    UUID id = UUID.randomUUID();
    assertThat(OuterOrderNumbers.of(id))
        .isEqualTo(OuterOrderNumbers.of(UUID.fromString(id.toString())))
        .matches("[0-9a-f]{32}");
  }
}
