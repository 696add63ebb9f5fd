package io.facecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.simulator.certification.CertificationStatus;
import io.facecheck.simulator.scenario.ErrorAnswer;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Outage;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each switch of the scenario fires at its configured rate, repeatably for a fixed seed. */
class ScenarioFaultsIT {
  private static final int CALLS = 1000;
  private static final Scenario FAULTY =
      Scenario.none()
          .withSeed(42)
          .withFaults(GatewayMethods.QUERY, new MethodFaults(0.10, 0.05, 0.20, 0.10))
          .withTimeoutHangMs(1);

  @Test
  void faultsFireAtTheirRatesAndRepeatWithTheSameSeed() throws Exception {
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults())) {
      RawGateway gateway = new RawGateway(sim.gatewayUrl());
      String body = queryBody(Instant.now());

      sim.setScenario(FAULTY);
      int http502Seen = 0;
      for (int i = 0; i < CALLS; i++) {
        if (gateway.post(body).status() == 502) {
          http502Seen++;
        }
      }
      Map<String, Long> first = sim.stats().calls().get(GatewayMethods.QUERY);
      // binomial(1000, p): 5 standard deviations at most is 5 * sqrt(1000 * 0.2 * 0.8) ~ 63
      assertThat(first.get("system_error")).isBetween(100L - 48, 100L + 48);
      assertThat(first.get("timeout")).isBetween(50L - 35, 50L + 35);
      assertThat(first.get("http_502")).isBetween(200L - 63, 200L + 63);
      assertThat(first.get("bad_signature")).isBetween(100L - 48, 100L + 48);
      assertThat(first.get("CERTIFY_ID_NOT_EXIST")).isBetween(550L - 79, 550L + 79);
      assertThat((long) http502Seen).isEqualTo(first.get("http_502"));

      // the same seed again, now from 8 threads at once: the n-th call draws the same, whoever
      // sends it
      sim.setScenario(FAULTY);
      sim.resetStats();
      ExecutorService threads = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
          calls.add(threads.submit(() -> gateway.post(body)));
        }
        for (Future<?> call : calls) {
          call.get();
        }
      } finally {
        threads.shutdown();
      }
      assertThat(sim.stats().calls().get(GatewayMethods.QUERY)).isEqualTo(first);

      sim.setScenario(FAULTY.withSeed(43));
      sim.resetStats();
      for (int i = 0; i < CALLS; i++) {
        gateway.post(body);
      }
      assertThat(sim.stats().calls().get(GatewayMethods.QUERY)).isNotEqualTo(first);
    }
  }

  @Test
  void errorAnswerFiresAtItsRateAndRepeatsWithTheSameSeed() {
    Scenario permissions =
        Scenario.none()
            .withSeed(42)
            .withFaults(
                GatewayMethods.QUERY,
                MethodFaults.of(ErrorAnswer.of(0.3, "40006", "isv.insufficient-isv-permissions")));
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults())) {
      RawGateway gateway = new RawGateway(sim.gatewayUrl());
      String body = queryBody(Instant.now());
      sim.setScenario(permissions);
      int seen = 0;
      for (int i = 0; i < CALLS; i++) {
        RawGateway.Answer answer = gateway.post(body);
        assertThat(answer.status()).isEqualTo(200);
        if ("40006".equals(answer.field("code"))) {
          assertThat(answer.field("msg")).isEqualTo("Insufficient Permissions");
          assertThat(answer.field("sub_code")).isEqualTo("isv.insufficient-isv-permissions");
          assertThat(answer.body())
              .startsWith("{\"alipay_user_certify_open_query_response\":{")
              .containsPattern(",\"sign\":\"[A-Za-z0-9+/=]+\"}$");
          seen++;
        }
      }
      Map<String, Long> first = sim.stats().calls().get(GatewayMethods.QUERY);
      // binomial(1000, 0.3): 5 standard deviations is 5 * sqrt(1000 * 0.3 * 0.7) ~ 72
      assertThat(first.get("error_answer")).isBetween(300L - 72, 300L + 72);
      assertThat((long) seen).isEqualTo(first.get("error_answer"));
      assertThat(first.get("CERTIFY_ID_NOT_EXIST")).isEqualTo(CALLS - seen);

      sim.setScenario(permissions);
      sim.resetStats();
      for (int i = 0; i < CALLS; i++) {
        gateway.post(body);
      }
      assertThat(sim.stats().calls().get(GatewayMethods.QUERY)).isEqualTo(first);
    }
  }

  @Test
  void outageWindowStartsAndEndsOnTheClock() {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    MutableClock clock = new MutableClock(start);
    SimulatorConfig config =
        SimulatorConfig.defaults().withClock(clock).withTimestampTolerance(Duration.ofDays(1));
    try (AlipaySimulator sim = TestApps.startWithApp(config)) {
      RawGateway gateway = new RawGateway(sim.gatewayUrl());
      sim.setScenario(
          Scenario.none()
              .withOutage(
                  Outage.between(
                      start.plusSeconds(600),
                      start.plusSeconds(1200),
                      Fault.SYSTEM_ERROR,
                      GatewayMethods.QUERY))
              .withOutage(Outage.startingIn(1_800_000, 60_000, Fault.HTTP_502)));

      assertThat(gateway.post(queryBody(clock.instant())).field("sub_code"))
          .isEqualTo("CERTIFY_ID_NOT_EXIST");
      clock.advance(Duration.ofSeconds(600));
      RawGateway.Answer inOutage = gateway.post(queryBody(clock.instant()));
      assertThat(inOutage.field("code")).isEqualTo("20000");
      assertThat(inOutage.field("sub_code")).isEqualTo("isp.unknow-error");
      clock.advance(Duration.ofSeconds(599));
      assertThat(gateway.post(queryBody(clock.instant())).field("code")).isEqualTo("20000");
      clock.advance(Duration.ofSeconds(1));
      assertThat(gateway.post(queryBody(clock.instant())).field("sub_code"))
          .isEqualTo("CERTIFY_ID_NOT_EXIST");
      clock.advance(Duration.ofSeconds(600)); // 30 minutes after the scenario was set
      assertThat(gateway.post(queryBody(clock.instant())).status()).isEqualTo(502);
      clock.advance(Duration.ofSeconds(60));
      assertThat(gateway.post(queryBody(clock.instant())).status()).isEqualTo(200);
      assertThat(sim.stats().count(GatewayMethods.QUERY, "outage.system_error")).isEqualTo(2);
      assertThat(sim.stats().count(GatewayMethods.QUERY, "outage.http_502")).isEqualTo(1);
    }
  }

  @Test
  void latencyHoldsTheResponseAtLeastThatLong() {
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults())) {
      sim.setScenario(Scenario.none().withLatency(Latency.fixed(250)));
      long began = System.nanoTime();
      new RawGateway(sim.gatewayUrl()).post(queryBody(Instant.now()));
      assertThat(Duration.ofNanos(System.nanoTime() - began))
          .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
  }

  @Test
  void automaticUserPassesFailsAndAbandonsAtItsRatesAndVisitsTheReturnUrl() throws Exception {
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults());
        ReturnPageServer merchant = new ReturnPageServer()) {
      sim.setScenario(Scenario.none().withSeed(7).withAutoUser(UserBehaviour.after(10, 0.5, 0.2)));
      RawGateway gateway = new RawGateway(sim.gatewayUrl());
      int users = 200;
      for (int i = 0; i < users; i++) {
        String biz =
            "{\"outer_order_no\":\"auto"
                + i
                + "\",\"biz_code\":\"FACE\",\"identity_param\":{\"identity_type\":\"CERT_INFO\","
                + "\"cert_type\":\"IDENTITY_CARD\",\"cert_name\":\"张三\",\"cert_no\":\""
                + TestApps.VALID_CERT_NO
                + "\"},\"merchant_config\":{\"return_url\":\""
                + merchant.url("/back?n=" + i)
                + "\"}}";
        Map<String, String> params =
            RawGateway.signedParameters(
                GatewayMethods.INITIALIZE, biz, Instant.now(), TestApps.APP_KEYS.getPrivate());
        assertThat(gateway.post(RawGateway.form(params)).field("code")).isEqualTo("10000");
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> sim.stats().certifications().get(CertificationStatus.INIT.name()) == 0);
      Map<String, Long> counts = sim.stats().certifications();
      long finished = counts.get("PASSED") + counts.get("FAILED");
      assertThat(counts.get("ABANDONED")).isBetween(40L - 28, 40L + 28);
      assertThat(counts.get("PASSED")).isBetween(80L - 35, 80L + 35);
      await().atMost(Duration.ofSeconds(30)).until(() -> merchant.hits().size() == finished);
      assertThat(sim.stats().returnUrlVisits()).isEqualTo(finished);
    }
  }

  private static String queryBody(Instant now) {
    return RawGateway.form(
        RawGateway.signedParameters(
            GatewayMethods.QUERY,
            "{\"certify_id\":\"0123456789abcdef0123456789abcdef\"}",
            now,
            TestApps.APP_KEYS.getPrivate()));
  }
}
