package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayApiException;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import com.alipay.api.response.AlipayUserCertifyOpenQueryResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classification table of services/worker/README.md, row by row. */
class AlipayOutcomeClassifierTest {

  static final String INITIALIZE_NODE = "alipay_user_certify_open_initialize_response";
  static final String QUERY_NODE = "alipay_user_certify_open_query_response";

  static Stream<Arguments> responses() {
    return Stream.of(
        Arguments.of("10000", null, "OC123", AlipayOutcome.Succeeded.class),
        Arguments.of("10000", null, null, AlipayOutcome.ProviderConfig.class),
        Arguments.of("10000", "isv.something", "OC123", AlipayOutcome.ProviderConfig.class),
        Arguments.of("40004", "INVALID_CERT_NO", null, AlipayOutcome.Rejected.class),
        Arguments.of("40004", null, null, AlipayOutcome.Rejected.class),
        Arguments.of("20000", "isp.unknow-error", null, AlipayOutcome.Retryable.class),
        Arguments.of("20000", "aop.unknow-error", null, AlipayOutcome.Retryable.class),
        Arguments.of("20001", "aop.invalid-auth-token", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of("40001", "isv.missing-signature", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of("40002", "isv.invalid-signature", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of("40002", "isv.invalid-timestamp", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of(
            "40003", "isv.invalid-auth-relations", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of(
            "40006", "isv.insufficient-isv-permissions", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of("99999", "never.seen", null, AlipayOutcome.ProviderConfig.class),
        Arguments.of(null, null, null, AlipayOutcome.ProviderConfig.class));
  }

  @ParameterizedTest(name = "code {0} sub_code {1} certify_id {2} -> {3}")
  @MethodSource("responses")
  void classifiesResponses(String code, String subCode, String certifyId, Class<?> expected) {
    AlipayUserCertifyOpenInitializeResponse response =
        new AlipayUserCertifyOpenInitializeResponse();
    response.setCode(code);
    response.setSubCode(subCode);
    response.setSubMsg("验签出错，网关生成的验签字符串为：cert_no=11010519491231002X");
    response.setCertifyId(certifyId);
    response.setBody(signedBody(INITIALIZE_NODE));

    AlipayOutcome<String> outcome =
        AlipayOutcomeClassifier.classify(
            response, AlipayUserCertifyOpenInitializeResponse::getCertifyId);

    assertThat(outcome).isInstanceOf(expected);
    // sub_msg may echo the string to sign, PII included: never carried
    assertThat(outcome.toString()).doesNotContain("11010519491231002X").doesNotContain("验签");
  }

  @ParameterizedTest(name = "40004 with sub_code {0} -> Rejected({1})")
  @org.junit.jupiter.params.provider.CsvSource({"INVALID_CERT_NO,INVALID_CERT_NO", ",40004"})
  void rejectionsCarryTheSubCode(String subCode, String expected) {
    AlipayUserCertifyOpenInitializeResponse response =
        new AlipayUserCertifyOpenInitializeResponse();
    response.setCode("40004");
    response.setSubCode(subCode);
    response.setBody(signedBody(INITIALIZE_NODE));
    AlipayOutcome<String> outcome =
        AlipayOutcomeClassifier.classify(
            response, AlipayUserCertifyOpenInitializeResponse::getCertifyId);
    assertThat(outcome).isEqualTo(new AlipayOutcome.Rejected<String>(expected));
  }

  /** Error answers the SDK returned without checking a signature: anyone could have sent them. */
  @ParameterizedTest(name = "unsigned {0} {1}: initialize Unknown, query Retryable")
  @org.junit.jupiter.params.provider.CsvSource({
    "40004, INVALID_CERT_NO",
    "40004, CERTIFY_ID_NOT_EXIST",
    "40002, isv.invalid-signature",
    "40006, isv.insufficient-isv-permissions",
    "20000, isp.unknow-error",
    "10000, isv.something",
    "99999, never.seen"
  })
  void anUnsignedErrorIsNeverFinal(String code, String subCode) {
    for (String body :
        new String[] {
          "{\"" + INITIALIZE_NODE + "\":{\"code\":\"" + code + "\"}}",
          "{\"" + INITIALIZE_NODE + "\":{\"code\":\"" + code + "\"},\"sign\":\"\"}",
          null
        }) {
      AlipayUserCertifyOpenInitializeResponse started = initializeAnswer(code, subCode, body);
      AlipayOutcome<String> onInitialize =
          AlipayOutcomeClassifier.classify(
              started, AlipayUserCertifyOpenInitializeResponse::getCertifyId);
      assertThat(onInitialize)
          .isEqualTo(
              new AlipayOutcome.Unknown<String>(
                  "answer without a verified signature, not trusted (code "
                      + code
                      + ", sub_code "
                      + subCode
                      + ")"));

      AlipayUserCertifyOpenQueryResponse queried = new AlipayUserCertifyOpenQueryResponse();
      queried.setCode(code);
      queried.setSubCode(subCode);
      queried.setBody(body == null ? null : body.replace(INITIALIZE_NODE, QUERY_NODE));
      assertThat(
              AlipayOutcomeClassifier.classify(
                  queried, AlipayUserCertifyOpenQueryResponse::getPassed))
          .isInstanceOf(AlipayOutcome.Retryable.class);
    }
  }

  @org.junit.jupiter.api.Test
  void theOperationGivenOverridesTheResponseType() {
    AlipayUserCertifyOpenInitializeResponse unsigned =
        initializeAnswer("40004", "X", "{\"" + INITIALIZE_NODE + "\":{\"code\":\"40004\"}}");
    assertThat(
            AlipayOutcomeClassifier.classify(
                AlipayOperation.QUERY,
                unsigned,
                AlipayUserCertifyOpenInitializeResponse::getCertifyId))
        .isInstanceOf(AlipayOutcome.Retryable.class);
  }

  @org.junit.jupiter.api.Test
  void aForgedSubCodeIsMaskedAndBounded() {
    AlipayUserCertifyOpenInitializeResponse forged =
        initializeAnswer("40004", "11010519491231002X " + "x".repeat(500), null);
    AlipayOutcome.Unknown<String> outcome =
        (AlipayOutcome.Unknown<String>)
            AlipayOutcomeClassifier.classify(
                forged, AlipayUserCertifyOpenInitializeResponse::getCertifyId);
    assertThat(outcome.detail()).doesNotContain("11010519491231002X").hasSizeLessThan(310);
  }

  private static AlipayUserCertifyOpenInitializeResponse initializeAnswer(
      String code, String subCode, String body) {
    AlipayUserCertifyOpenInitializeResponse response =
        new AlipayUserCertifyOpenInitializeResponse();
    response.setCode(code);
    response.setSubCode(subCode);
    response.setBody(body);
    return response;
  }

  /** A body in Alipay's layout: execute() returning it means the SDK verified its sign. */
  static String signedBody(String node) {
    return "{\"" + node + "\":{\"code\":\"10000\"},\"sign\":\"c2lnbmVkIGJ5IEFsaXBheQ==\"}";
  }

  static Stream<Arguments> exceptions() {
    return Stream.of(
        row(
            sdk(new ConnectException("Connection refused")),
            AlipayOutcome.Retryable.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new UnknownHostException("openapi.alipay.com")),
            AlipayOutcome.Retryable.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new SocketTimeoutException("connect timed out")),
            AlipayOutcome.Retryable.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new SocketTimeoutException("Read timed out")),
            AlipayOutcome.Unknown.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new SocketTimeoutException("timeout")),
            AlipayOutcome.Unknown.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new IOException("unexpected end of stream")),
            AlipayOutcome.Unknown.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new IOException("502:Bad Gateway")),
            AlipayOutcome.Retryable.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new IOException("503:Service Unavailable")),
            AlipayOutcome.Retryable.class,
            AlipayOutcome.Retryable.class),
        row(
            sdk(new IOException("404:Not Found")),
            AlipayOutcome.ProviderConfig.class,
            AlipayOutcome.ProviderConfig.class),
        row(
            new AlipayApiException("sign check fail: check Sign and Data Fail!"),
            AlipayOutcome.ProviderConfig.class,
            AlipayOutcome.ProviderConfig.class),
        row(
            new RuntimeException(new AlipayApiException("signature is empty")),
            AlipayOutcome.ProviderConfig.class,
            AlipayOutcome.ProviderConfig.class),
        row(
            new RuntimeException("java.security.spec.InvalidKeySpecException"),
            AlipayOutcome.ProviderConfig.class,
            AlipayOutcome.ProviderConfig.class),
        row(
            new IllegalArgumentException("not JSON: <html>"),
            AlipayOutcome.Unknown.class,
            AlipayOutcome.Retryable.class),
        row(new NullPointerException(), AlipayOutcome.Unknown.class, AlipayOutcome.Retryable.class),
        row(
            new AlipayApiException("响应字符串为空"),
            AlipayOutcome.Unknown.class,
            AlipayOutcome.Retryable.class));
  }

  @ParameterizedTest(name = "{0}: initialize -> {1}, query -> {2}")
  @MethodSource("exceptions")
  void classifiesWhatTheSdkThrows(Throwable thrown, Class<?> onInitialize, Class<?> onQuery) {
    assertThat(AlipayOutcomeClassifier.<String>classify(AlipayOperation.INITIALIZE, thrown))
        .isInstanceOf(onInitialize);
    assertThat(AlipayOutcomeClassifier.<String>classify(AlipayOperation.QUERY, thrown))
        .isInstanceOf(onQuery);
  }

  @org.junit.jupiter.api.Test
  void detailsMaskResidentIdNumbers() {
    AlipayOutcome<String> outcome =
        AlipayOutcomeClassifier.classify(
            AlipayOperation.INITIALIZE,
            new AlipayApiException("bad content cert_no=11010519491231002X"));
    assertThat(((AlipayOutcome.ProviderConfig<String>) outcome).detail())
        .doesNotContain("11010519491231002X")
        .contains("1101**********002X");
  }

  private static AlipayApiException sdk(Throwable cause) {
    return new AlipayApiException(cause);
  }

  private static Arguments row(Throwable thrown, Class<?> onInitialize, Class<?> onQuery) {
    return Arguments.of(thrown, onInitialize, onQuery);
  }

  @org.junit.jupiter.api.Test
  void describesFailuresWithoutTheIdentityTheSdkQuotes() {
    RuntimeException signingFailure =
        new RuntimeException(
            "RSAcontent = biz_content={\"identity_param\":{\"cert_name\":\"张三\","
                + "\"cert_no\":\"11010519491231002X\"}}; charset = UTF-8");

    String detail = AlipayOutcomeClassifier.describe(new AlipayApiException(signingFailure));

    assertThat(detail).contains("RuntimeException").doesNotContain("张三");
    assertThat(detail).doesNotContain("11010519491231002X");
  }
}
