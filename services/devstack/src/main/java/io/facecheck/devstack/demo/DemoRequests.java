package io.facecheck.devstack.demo;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.util.LinkedHashMap;
import java.util.Map;

/** verification-requests v1 payloads, as a business service would produce them. */
public final class DemoRequests {

  private DemoRequests() {}

  /**
   * The payload's fields, in the contract's names. {@code returnUrl} is where the simulated browser
   * lands in the end: the business service's page.
   */
  public static Map<String, Object> fields(
      String clientId, String requestId, FakeIdentity identity, int ttlSeconds, String returnUrl) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("schema_version", 1);
    request.put("request_id", requestId);
    request.put("client_id", clientId);
    request.put("biz_code", "FACE");
    request.put(
        "identity",
        Map.of(
            "cert_type", "IDENTITY_CARD",
            "cert_name", identity.certName(),
            "cert_no", identity.certNo()));
    request.put("return_url", returnUrl);
    request.put("ttl_seconds", ttlSeconds);
    request.put("metadata", Map.of("source", "devstack-demo"));
    return request;
  }

  public static byte[] json(Map<String, Object> fields) {
    return PayloadJson.mapper().writeValueAsBytes(fields);
  }
}
