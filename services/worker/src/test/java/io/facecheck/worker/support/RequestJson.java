package io.facecheck.worker.support;

import static java.nio.charset.StandardCharsets.UTF_8;

/** verification-requests v1 payloads for tests. */
public final class RequestJson {

  private RequestJson() {}

  public static byte[] request(
      String clientId, String requestId, String certName, String certNo, String app) {
    return request(clientId, requestId, certName, certNo, app, 900);
  }

  public static byte[] request(
      String clientId,
      String requestId,
      String certName,
      String certNo,
      String app,
      int ttlSeconds) {
    return ("{\"schema_version\":1,\"request_id\":\"%s\",\"client_id\":\"%s\",\"biz_code\":\"FACE\","
            + "\"identity\":{\"cert_type\":\"IDENTITY_CARD\",\"cert_name\":\"%s\",\"cert_no\":\"%s\"},"
            + "\"return_url\":\"https://loan.example/kyc/done\",\"ttl_seconds\":%d,"
            + "\"metadata\":{\"order\":\"42\"},\"app\":\"%s\"}")
        .formatted(requestId, clientId, certName, certNo, ttlSeconds, app)
        .getBytes(UTF_8);
  }

  public static byte[] request(String clientId, String requestId, String certName, String certNo) {
    return request(clientId, requestId, certName, certNo, "default");
  }
}
