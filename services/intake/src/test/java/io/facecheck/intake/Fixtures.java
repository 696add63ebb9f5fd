package io.facecheck.intake;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Requests and verifications for tests. The cert_no values are valid test numbers, not people. */
public final class Fixtures {

  public static final String CLIENT = "loan-service";
  public static final String OTHER_CLIENT = "shop-service";
  public static final String CERT_NAME = "张三";
  public static final String CERT_NO = "11010519491231002X";
  public static final String BAD_CHECK_DIGIT_CERT_NO = "110105194912310021";

  private Fixtures() {}

  public static String requestJson(String clientId, String requestId) {
    return requestJson(clientId, requestId, CERT_NO, "https://loan.example/kyc/done");
  }

  public static String requestJson(
      String clientId, String requestId, String certNo, String returnUrl) {
    return """
        {"schema_version": 1, "request_id": "%s", "client_id": "%s", "biz_code": "FACE",
         "identity": {"cert_type": "IDENTITY_CARD", "cert_name": "%s", "cert_no": "%s"},
         "return_url": "%s", "ttl_seconds": 900, "metadata": {"order": "42"}}
        """
        .formatted(requestId, clientId, CERT_NAME, certNo, returnUrl);
  }

  public static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A stored verification as the worker would have left it, built without a database. */
  public static Verification verification(
      String clientId, String requestId, String requestHash, VerificationStatus status) {
    Instant created = Instant.parse("2026-11-26T10:00:00Z");
    boolean issued =
        status != VerificationStatus.RECEIVED && status != VerificationStatus.INITIALIZING;
    return new Verification(
        UUID.randomUUID(),
        3,
        status,
        new Submission(
            clientId,
            requestId,
            requestHash,
            BizCode.FACE,
            CertType.IDENTITY_CARD,
            "https://loan.example/kyc/done?order=42",
            900,
            "default",
            Map.of("order", "42")),
        "0123456789abcdef0123456789abcdef",
        issued ? "certify-1" : null,
        issued ? "https://openapi.alipay.com/gateway.do?certify_id=certify-1" : null,
        created.plusSeconds(900),
        null,
        0,
        null,
        null,
        null,
        null,
        created,
        created.plusSeconds(2));
  }
}
