package io.facecheck.worker.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiMaskTest {

  @Test
  void replacesTheKnownNameAndNumber() {
    String masked =
        PiiMask.mask("initialize failed for 张三 (11010519491231002X)", "张三", "11010519491231002X");
    assertThat(masked)
        .isEqualTo("initialize failed for *** (1101**********002X)")
        .doesNotContain("张三");
  }

  @Test
  void masksAnythingShapedLikeAResidentIdEvenWhenUnknown() {
    assertThat(PiiMask.mask("biz_content={\"cert_no\":\"11010519491231002x\"}"))
        .doesNotContain("11010519491231002")
        .contains("1101**********002x");
  }

  @Test
  void keepsOrdinaryTextAndBoundsItsLength() {
    assertThat(PiiMask.mask("code 40002, sub_code isv.invalid-signature"))
        .isEqualTo("code 40002, sub_code isv.invalid-signature");
    assertThat(PiiMask.mask("x".repeat(10_000))).hasSizeLessThanOrEqualTo(PiiMask.MAX_LENGTH + 1);
    assertThat(PiiMask.mask(null)).isEmpty();
  }
}
