package io.facecheck.crashtests;

import io.facecheck.contracts.schema.PayloadJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The simulator's record of one certification, through its admin API, as Alipay knows it. */
record SimulatorCertifications(String baseUrl) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One certification as the simulator holds it. */
  record Certification(String certifyId, String appId, String outerOrderNo, String status) {}

  Certification find(String certifyId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/sim/certifications/" + certifyId))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "the simulator does not know certify_id " + certifyId + ": " + response.statusCode());
    }
    Map<?, ?> body = PayloadJson.mapper().readValue(response.body(), Map.class);
    return new Certification(
        (String) body.get("certify_id"),
        (String) body.get("app_id"),
        (String) body.get("outer_order_no"),
        (String) body.get("status"));
  }
}
