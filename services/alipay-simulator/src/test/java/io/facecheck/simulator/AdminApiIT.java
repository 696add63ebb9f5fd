package io.facecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.DefaultAlipayClient;
import io.facecheck.simulator.scenario.ErrorAnswer;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.signing.RsaKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API of the simulator's README, driven over HTTP as the dev stack and other services
 * drive it.
 */
class AdminApiIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void registersAnAppServesTheKeyCompletesAndCounts() throws Exception {
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults());
        ReturnPageServer merchant = new ReturnPageServer()) {
      RawGateway admin = new RawGateway(sim.baseUrl());
      String appKey = RsaKeys.base64(TestApps.APP_KEYS.getPublic());
      assertThat(
              call(
                      sim,
                      "POST",
                      "/sim/apps",
                      "{\"app_id\":\"" + TestApps.APP_ID + "\",\"public_key\":\"" + appKey + "\"}")
                  .get("app_id")
                  .asString())
          .isEqualTo(TestApps.APP_ID);
      assertThat(call(sim, "GET", "/sim/alipay-public-key", null).get("public_key").asString())
          .isEqualTo(sim.alipayPublicKeyBase64());

      DefaultAlipayClient client = TestApps.rsa2(sim);
      String order = "adm" + UUID.randomUUID().toString().substring(0, 8);
      String certifyId =
          client
              .execute(TestApps.initialize(order, merchant.url("/back?token=xyz")))
              .getCertifyId();

      JsonNode completed =
          call(
              sim,
              "POST",
              "/sim/certifications/" + certifyId + "/complete",
              "{\"passed\": true, \"fail_reason\": null, \"visit_return_url\": true}");
      assertThat(completed.get("status").asString()).isEqualTo("PASSED");
      assertThat(completed.get("return_url_status").asInt()).isEqualTo(200);
      assertThat(merchant.hits()).containsExactly("/back?token=xyz");
      assertThat(client.execute(TestApps.query(certifyId)).getPassed()).isEqualTo("T");

      RawGateway.Answer conflict =
          admin.send(
              HttpRequest.newBuilder(
                      URI.create(sim.baseUrl() + "/sim/certifications/" + certifyId + "/complete"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"passed\":false}"))
                  .build());
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(
              call(sim, "GET", "/sim/certifications/" + certifyId, null).get("status").asString())
          .isEqualTo("PASSED");

      JsonNode stats = call(sim, "GET", "/sim/stats", null);
      assertThat(stats.at("/calls/alipay.user.certify.open.initialize/success").asLong())
          .isEqualTo(1);
      assertThat(stats.at("/calls/alipay.user.certify.open.query/success").asLong()).isEqualTo(1);
      assertThat(stats.at("/certifications/PASSED").asLong()).isEqualTo(1);
      assertThat(stats.get("return_url_visits").asLong()).isEqualTo(1);
    }
  }

  @Test
  void theLandingPageIsAPlainPageForBrowsersComingBack() {
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
      RawGateway browser = new RawGateway(sim.baseUrl());
      RawGateway.Answer page =
          browser.send(
              HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/landing?token=t")).build());
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).startsWith("<!doctype html>");
      RawGateway.Answer post =
          browser.send(
              HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/landing"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(post.status()).isEqualTo(405);
    }
  }

  @Test
  void scenarioRoundTripsAsJson() {
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
      String scenario =
          """
          {"seed": 42,
           "latency": {"distribution": "uniform", "min_ms": 5, "max_ms": 40},
           "faults": {"alipay.user.certify.open.initialize": {"system_error_rate": 0.05, "http_502_rate": 0.02},
                      "*": {"timeout_rate": 0.01}},
           "timeout_hang_ms": 16000,
           "outages": [{"starts_in_ms": 60000, "lasts_ms": 30000, "fault": "system_error"}],
           "auto_user": {"enabled": true, "delay_ms": 2000, "delay_jitter_ms": 1000, "pass_rate": 0.9, "abandon_rate": 0.05}}
          """;
      JsonNode set = call(sim, "PUT", "/sim/scenario", scenario);
      assertThat(set.at("/outages/0/start").asString()).isNotBlank();
      JsonNode read = call(sim, "GET", "/sim/scenario", null);
      assertThat(read).isEqualTo(set);
      assertThat(sim.scenario().faultsFor(GatewayMethods.INITIALIZE).http502Rate()).isEqualTo(0.02);
      assertThat(sim.scenario().faultsFor(GatewayMethods.QUERY).timeoutRate()).isEqualTo(0.01);
      assertThat(sim.scenario().autoUser().passRate()).isEqualTo(0.9);
      assertThat(sim.scenario().autoUser().visitReturnUrl()).isTrue();
      assertThat(read.at("/latency/distribution").asString()).isEqualTo("uniform");
      assertThat(read.at("/outages/0/fault").asString()).isEqualTo("system_error");
    }
  }

  @Test
  void errorAnswerIsSetAsJsonAndBadOnesAreRefusedWithTheReason() {
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
      String scenario =
          """
          {"faults": {"alipay.user.certify.open.initialize":
              {"error_answer": {"rate": 1.0, "code": "40006",
                                "sub_code": "isv.insufficient-isv-permissions"}}}}
          """;
      JsonNode set = call(sim, "PUT", "/sim/scenario", scenario);
      assertThat(set.at("/faults/alipay.user.certify.open.initialize/error_answer/code").asString())
          .isEqualTo("40006");
      assertThat(call(sim, "GET", "/sim/scenario", null)).isEqualTo(set);
      assertThat(sim.scenario().faultsFor(GatewayMethods.INITIALIZE).errorAnswer())
          .isEqualTo(ErrorAnswer.of(1.0, "40006", "isv.insufficient-isv-permissions"));

      RawGateway.Answer badCode =
          put(
              sim,
              "{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"code\":\"4006\",\"sub_code\":\"isv.x\"}}}}");
      assertThat(badCode.status()).isEqualTo(400);
      assertThat(JSON.readTree(badCode.body()).get("error").asString()).isEqualTo("bad_request");
      assertThat(JSON.readTree(badCode.body()).get("message").asString())
          .contains("code must be 5 digits");
      RawGateway.Answer noSubCode =
          put(sim, "{\"faults\":{\"*\":{\"error_answer\":{\"rate\":1,\"code\":\"40006\"}}}}");
      assertThat(noSubCode.status()).isEqualTo(400);
      assertThat(JSON.readTree(noSubCode.body()).get("message").asString())
          .contains("sub_code is required");
      // a refused scenario leaves the current one in place
      assertThat(sim.scenario().faultsFor(GatewayMethods.INITIALIZE).errorAnswer()).isNotNull();
    }
  }

  private static RawGateway.Answer put(AlipaySimulator sim, String body) {
    return new RawGateway(sim.baseUrl())
        .send(
            HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/scenario"))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
  }

  @Test
  void registersCertificateModeAppsWithAesRollsTheAlipayCertificateAndRetiresOldKeys() {
    try (AlipaySimulator sim = AlipaySimulator.start(SimulatorConfig.defaults())) {
      String key = RsaKeys.base64(TestApps.APP_KEYS.getPublic());
      String aes = java.util.Base64.getEncoder().encodeToString(new byte[16]);
      JsonNode app =
          call(
              sim,
              "POST",
              "/sim/apps",
              "{\"app_id\":\"2021000000000777\",\"public_key\":\""
                  + key
                  + "\",\"mode\":\"certificate\",\"aes_key\":\""
                  + aes
                  + "\"}");
      assertThat(app.get("mode").asString()).isEqualTo("certificate");
      assertThat(app.get("encrypted").asBoolean()).isTrue();
      assertThat(app.get("app_cert_sn").asString()).hasSize(32);
      assertThat(app.get("app_cert").asString()).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(app.get("alipay_root_cert_sn").asString()).isEqualTo(sim.rootCertSn());

      JsonNode rotated =
          call(
              sim,
              "POST",
              "/sim/apps",
              "{\"app_id\":\"2021000000000777\",\"public_key\":\""
                  + key
                  + "\",\"mode\":\"certificate\",\"keep_previous_key\":true}");
      assertThat(rotated.get("accepted_keys").asInt()).isEqualTo(2);
      // a rotation without aes_key keeps the app's AES key
      assertThat(rotated.get("encrypted").asBoolean()).isTrue();
      assertThat(
              call(sim, "DELETE", "/sim/apps/2021000000000777/previous-keys", null)
                  .get("accepted_keys")
                  .asInt())
          .isEqualTo(1);

      String before = call(sim, "GET", "/sim/certificates", null).get("alipay_cert_sn").asString();
      JsonNode rolled = call(sim, "POST", "/sim/certificates/roll", null);
      assertThat(rolled.get("alipay_cert_sn").asString()).isNotEqualTo(before);
      assertThat(rolled.get("live_alipay_cert_sns")).hasSize(2);

      RawGateway.Answer badMode =
          new RawGateway(sim.baseUrl())
              .send(
                  HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/apps"))
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"app_id\":\"x\",\"public_key\":\""
                                  + key
                                  + "\",\"mode\":\"cert\"}"))
                      .build());
      assertThat(badMode.status()).isEqualTo(400);
      assertThat(badMode.body()).contains("mode must be");
    }
  }

  private static JsonNode call(AlipaySimulator sim, String method, String path, String body) {
    RawGateway.Answer answer =
        new RawGateway(sim.baseUrl())
            .send(
                HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(
                        method,
                        body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
