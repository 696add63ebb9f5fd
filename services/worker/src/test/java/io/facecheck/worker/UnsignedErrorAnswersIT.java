package io.facecheck.worker;

import static io.facecheck.worker.support.QueryCommands.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UnsignedError;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.QueryCommands;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import io.facecheck.worker.support.TestIdentities;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forged, unsigned Alipay error answers end to end: the worker on real Kafka and PostgreSQL, the
 * real SDK against a simulator of its own whose {@code unsigned_error} fault answers a 40004 no
 * Alipay key signed. The worker must treat it as no answer (retry), never as Alipay refusing the
 * person (REJECTED) or not knowing the certification (NOT_FOUND).
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.instance=unsigned-it",
      // the groundwork requires it; the shared test support does not set it (yet)
      "facecheck.request-hash.key=unsigned-it-request-hash-key",
      "facecheck.worker.retry.initial-backoff=20ms",
      "facecheck.worker.retry.max-backoff=100ms",
      "facecheck.worker.retry.topic-delays=1s,2s,3s",
      "facecheck.worker.circuit-breaker.sliding-window=50",
      "facecheck.worker.circuit-breaker.minimum-calls=50"
    })
@DirtiesContext
class UnsignedErrorAnswersIT {

  private static final String CLIENT = "unsigned-it";
  private static final String APP_ID = "2021000000000401";
  private static final Duration WAIT = Duration.ofSeconds(120);

  private static AlipaySimulator simulator;
  private static Producer producer;
  private static WholeTopicReader queryResults;

  @Autowired JdbcTemplate jdbc;

  private StoredVerificationReader verifications;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
    simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
    SimulatedAlipay.registerOwn(registry, simulator, APP_ID);
  }

  @BeforeAll
  static void clients() {
    producer = new Producer();
    queryResults = new WholeTopicReader(Topics.QUERY_RESULTS);
  }

  @AfterAll
  static void close() {
    producer.close();
    queryResults.close();
    simulator.close();
  }

  @BeforeEach
  void calm() {
    simulator.setScenario(Scenario.none());
    verifications = new StoredVerificationReader(jdbc, CLIENT);
  }

  @Test
  void anUnsignedRefusalOnInitializeIsRetriedNotRejectedAndTheVerificationStartsOnceItStops() {
    long forgedBefore = forged(GatewayMethods.INITIALIZE);
    forge(GatewayMethods.INITIALIZE, UnsignedError.of(1.0, "40004", "INVALID_CERT_NO"));
    String requestId = "unsigned-init-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(CLIENT, requestId, TestIdentities.certName(), TestIdentities.certNo()));
    producer.flush();

    // believed, the first forged answer would end it REJECTED; doubted, it is asked again
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                "REJECTED".equals(verifications.status(requestId))
                    || forged(GatewayMethods.INITIALIZE) - forgedBefore >= 3);
    assertThat(verifications.status(requestId)).isEqualTo("INITIALIZING");

    simulator.setScenario(Scenario.none());
    Map<String, Object> row = verifications.awaitStatus(requestId, "AWAITING_USER", WAIT);
    UUID id = (UUID) row.get("id");
    assertThat(verifications.statusesOf(id))
        .containsExactly("RECEIVED", "INITIALIZING", "AWAITING_USER");
    assertThat(verifications.outbox(id))
        .singleElement()
        .satisfies(
            e -> assertThat(e.get("event_type")).isEqualTo("verification.certify_url_issued"));
  }

  @Test
  void anUnsignedCertifyIdNotExistOnQueryIsRetriedNeverNotFound() {
    String requestId = "unsigned-query-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(CLIENT, requestId, TestIdentities.certName(), TestIdentities.certNo()));
    producer.flush();
    Map<String, Object> row = verifications.awaitStatus(requestId, "AWAITING_USER", WAIT);

    long forgedBefore = forged(GatewayMethods.QUERY);
    forge(GatewayMethods.QUERY, UnsignedError.of(1.0, "40004", "CERTIFY_ID_NOT_EXIST"));
    UUID queryId =
        QueryCommands.send(producer, (UUID) row.get("id"), (String) row.get("certify_id"));
    producer.flush();

    // believed, the first forged answer would be published as NOT_FOUND at once
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                !answersSoFar(queryId).isEmpty()
                    || forged(GatewayMethods.QUERY) - forgedBefore >= 3);
    assertThat(answersSoFar(queryId)).isEmpty();

    simulator.setScenario(Scenario.none());
    List<VerificationQueryResult> answers = awaitAnswers(queryId);
    assertThat(answers).isNotEmpty();
    assertThat(answers)
        .extracting(VerificationQueryResult::outcome)
        .containsOnly(QueryOutcome.NOT_PASSED);
  }

  /** The answers to the query on the topic now, none if the worker has published none yet. */
  private static List<VerificationQueryResult> answersSoFar(UUID queryId) {
    return queryResults.readToEnd(r -> parse(r).queryId().equals(queryId)).stream()
        .map(QueryCommands::parse)
        .toList();
  }

  private static List<VerificationQueryResult> awaitAnswers(UUID queryId) {
    return queryResults.awaitMatching(r -> parse(r).queryId().equals(queryId), 1, WAIT).stream()
        .map(QueryCommands::parse)
        .toList();
  }

  private static void forge(String method, UnsignedError forged) {
    simulator.setScenario(Scenario.none().withFaults(method, MethodFaults.of(forged)));
  }

  private static long forged(String method) {
    return simulator.stats().count(method, "unsigned_error");
  }
}
