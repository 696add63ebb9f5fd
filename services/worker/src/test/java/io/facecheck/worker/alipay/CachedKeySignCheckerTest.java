package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.alipay.api.DefaultSignChecker;
import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachedKeySignCheckerTest {

  private static final String ALIPAY_PRIVATE = TestKeys.privateKey(TestKeys.ALIPAY);
  private static final String ALIPAY_PUBLIC = TestKeys.publicKey(TestKeys.ALIPAY);
  private static final String CONTENT =
      "{\"code\":\"10000\",\"msg\":\"Success\",\"certify_id\":\"OC2026\",\"note\":\"张三\"}";

  private final CachedKeySignChecker checker =
      new CachedKeySignChecker(ALIPAY_PUBLIC, new DefaultSignChecker(ALIPAY_PUBLIC));

  @ParameterizedTest
  @CsvSource({"RSA2, UTF-8", "RSA, UTF-8", "RSA2, GBK", "RSA, ''"})
  void acceptsWhatTheSdkAcceptsAndRefusesWhatItRefuses(String signType, String charset)
      throws Exception {
    String sign = AlipaySignature.rsaSign(CONTENT, ALIPAY_PRIVATE, charset, signType);
    String tampered = CONTENT.replace("10000", "10001");
    assertThat(checker.hasCachedKey()).isTrue();
    assertThat(checker.check(CONTENT, sign, signType, charset))
        .isEqualTo(AlipaySignature.rsaCheck(CONTENT, sign, ALIPAY_PUBLIC, charset, signType))
        .isTrue();
    assertThat(checker.check(tampered, sign, signType, charset))
        .isEqualTo(AlipaySignature.rsaCheck(tampered, sign, ALIPAY_PUBLIC, charset, signType))
        .isFalse();
  }

  @Test
  void refusesASignatureMadeWithAnotherKey() throws Exception {
    String appSign =
        AlipaySignature.rsaSign(CONTENT, TestKeys.privateKey(TestKeys.APP), "UTF-8", "RSA2");
    assertThat(checker.check(CONTENT, appSign, "RSA2", "UTF-8")).isFalse();
  }

  @Test
  void acceptsTheKeyWrappedAndPaddedWithWhitespace() throws Exception {
    String wrapped = TestKeys.wrapped(ALIPAY_PUBLIC);
    CachedKeySignChecker fromWrapped =
        new CachedKeySignChecker(wrapped, new DefaultSignChecker(wrapped));
    String sign = AlipaySignature.rsaSign(CONTENT, ALIPAY_PRIVATE, "UTF-8", "RSA2");
    assertThat(fromWrapped.hasCachedKey()).isTrue();
    assertThat(fromWrapped.check(CONTENT, sign, "RSA2", "UTF-8")).isTrue();
  }

  @Test
  void anEmptySignatureFailsExactlyAsTheSdkFails() {
    // the SDK throws a RuntimeException here, not AlipayApiException (protocol brief 2.4)
    assertSameFailure(CONTENT, "");
    assertSameFailure("", "c2lnbg==");
  }

  @Test
  void aSignatureOfTheWrongLengthFailsExactlyAsTheSdkFails() {
    assertSameFailure(CONTENT, "c2lnbg==");
  }

  private void assertSameFailure(String content, String sign) {
    Throwable ours = catchThrowable(() -> checker.check(content, sign, "RSA2", "UTF-8"));
    Throwable sdks =
        catchThrowable(
            () -> new DefaultSignChecker(ALIPAY_PUBLIC).check(content, sign, "RSA2", "UTF-8"));
    assertThat(sdks).isInstanceOf(RuntimeException.class);
    assertThat(ours).isInstanceOf(sdks.getClass()).hasMessage(sdks.getMessage());
  }
}
