package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which bodies prove that the SDK verified Alipay's signature over the node it read. The forged
 * layouts reuse a genuine signed node S: the SDK verifies S but reads another object.
 */
class SignedBodyTest {

  private static final String S = "{\"code\":\"10000\",\"msg\":\"Success\",\"passed\":\"F\"}";
  private static final String Q = "alipay_user_certify_open_query_response";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"" + Q + "\":" + S + ",\"sign\":\"c2lnbg==\"}",
        "{\"error_response\":{\"code\":\"40004\",\"sub_code\":\"X\"},\"sign\":\"c2ln/+bg==\"}",
        "  {\"" + Q + "\":" + S + ",\"sign\":\"c2lnbg==\"}\n",
        "{\"" + Q + "\":{\"code\":\"40004\",\"sub_msg\":\"a\\\"b}{\"},\"sign\":\"c2lnbg==\"}"
      })
  void alipaysLayoutIsVerified(String body) {
    assertThat(SignedBody.verifiedBySdk(body)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // no sign, an empty one, or one that is not a string: the SDK checked nothing
        "{\"" + Q + "\":{\"code\":\"40004\",\"sub_code\":\"CERTIFY_ID_NOT_EXIST\"}}",
        "{\"" + Q + "\":{\"code\":\"40004\",\"sub_code\":\"CERTIFY_ID_NOT_EXIST\"},\"sign\":\"\"}",
        "{\"" + Q + "\":{\"code\":\"40004\"},\"sign\":1}",
        // a forged node beside a replayed signed one (the SDK reads the first in HashMap order)
        "{\"a\":{\"code\":\"40004\",\"sub_code\":\"X\"},\"" + Q + "\":" + S + ",\"sign\":\"c2ln\"}",
        "{\"" + Q + "\":" + S + ",\"a\":{\"code\":\"40004\"},\"sign\":\"c2ln\"}",
        // the signed node nested in a forged one: the SDK verifies the inner, reads the outer
        "{\"error_response\":{\"code\":\"40004\",\"sub_code\":\"X\",\"x_"
            + Q
            + "\":"
            + S
            + ",\"sign\":\"c2ln\"},\"sign\":\"c2ln\"}",
        "{\"error_response\":{\"code\":\"40004\",\"z\":\"" + Q + "\"},\"sign\":\"c2ln\"}",
        // duplicates, extra members, sign first, trailing content, not JSON
        "{\"" + Q + "\":" + S + ",\"" + Q + "\":{\"code\":\"40004\"},\"sign\":\"c2ln\"}",
        "{\"" + Q + "\":" + S + ",\"sign\":\"c2ln\",\"sign\":\"c2ln\"}",
        "{\"sign\":\"c2ln\",\"" + Q + "\":" + S + "}",
        "{\"" + Q + "\":" + S + ",\"sign\":\"c2ln\"}{}",
        "{\"" + Q + "\":" + S + ",\"sign\":\"c2ln\"",
        "{\"" + Q + "\":\"text\",\"sign\":\"c2ln\"}",
        "{\"x\":" + S + ",\"sign\":\"c2ln\"}",
        "<html>502</html>",
        ""
      })
  void anythingElseIsNot(String body) {
    assertThat(SignedBody.verifiedBySdk(body)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void noBodyIsNot() {
    assertThat(SignedBody.verifiedBySdk(null)).isFalse();
  }
}
