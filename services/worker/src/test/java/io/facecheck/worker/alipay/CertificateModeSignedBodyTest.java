package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * In certificate mode the SDK verifies a non-success answer only when it names the certificate
 * (alipay_cert_sn): without it, even a non-empty sign was not checked.
 */
class CertificateModeSignedBodyTest {
  private static final String Q = "alipay_user_certify_open_query_response";
  private static final String ERROR = "{\"code\":\"40004\",\"sub_code\":\"CERTIFY_ID_NOT_EXIST\"}";

  @Test
  void withTheCertificateSnTheAnswerIsVerifiedInBothModes() {
    String body =
        "{\"" + Q + "\":" + ERROR + ",\"alipay_cert_sn\":\"0123abcd\",\"sign\":\"c2lnbg==\"}";
    assertThat(SignedBody.verifiedBySdk(body, AlipayMode.CERTIFICATE)).isTrue();
    assertThat(SignedBody.verifiedBySdk(body, AlipayMode.PUBLIC_KEY)).isTrue();
  }

  @Test
  void withoutItAnErrorIsNotVerifiedInCertificateMode() {
    String body = "{\"" + Q + "\":" + ERROR + ",\"sign\":\"c2lnbg==\"}";
    assertThat(SignedBody.verifiedBySdk(body, AlipayMode.CERTIFICATE)).isFalse();
    assertThat(SignedBody.verifiedBySdk(body, AlipayMode.PUBLIC_KEY)).isTrue();
  }

  @Test
  void anEmptyOrNonStringSnOrAnExtraMemberIsNotAlipaysLayout() {
    for (String extra :
        new String[] {
          ",\"alipay_cert_sn\":\"\"",
          ",\"alipay_cert_sn\":1",
          ",\"alipay_cert_sn\":\"a\",\"x\":\"y\""
        }) {
      String body = "{\"" + Q + "\":" + ERROR + extra + ",\"sign\":\"c2lnbg==\"}";
      assertThat(SignedBody.verifiedBySdk(body, AlipayMode.CERTIFICATE)).as(body).isFalse();
    }
  }
}
