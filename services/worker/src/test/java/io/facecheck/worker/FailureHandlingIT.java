package io.facecheck.worker;

import static io.facecheck.worker.support.QueryCommands.parse;
import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Outage;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.alipay.AlipayCircuitBreakers;
import io.facecheck.worker.retry.RetryHeaders;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.QueryCommands;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.RetryHops;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import io.facecheck.worker.support.TestIdentities;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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
 * Failure handling end to end: the worker on real Kafka and PostgreSQL against a simulator of its
 * own (one app, so an outage of it is an outage of every app), with a 1 s SDK read timeout, short
 * retry delays (1 s, 2 s, 3 s) and a quick circuit breaker.
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.instance=failure-it",
      "facecheck.worker.retry.initial-backoff=20ms",
      "facecheck.worker.retry.max-backoff=100ms",
      "facecheck.worker.retry.topic-delays=1s,2s,3s",
      "facecheck.worker.alipay.connect-timeout=1s",
      "facecheck.worker.alipay.read-timeout=1s",
      "facecheck.worker.circuit-breaker.sliding-window=20",
      "facecheck.worker.circuit-breaker.minimum-calls=20",
      "facecheck.worker.circuit-breaker.wait-in-open=2s",
      "facecheck.worker.circuit-breaker.half-open-recheck=500ms"
    })
@DirtiesContext
class FailureHandlingIT {

  private static final String CLIENT = "failure-it";
  private static final String APP_ID = "2021000000000301";
  private static final Duration WAIT = Duration.ofSeconds(180);

  private static AlipaySimulator simulator;
  private static Producer producer;
  private static WholeTopicReader requestDeadLetters;
  private static WholeTopicReader queryDeadLetters;
  private static WholeTopicReader queryResults;

  @Autowired JdbcTemplate jdbc;
  @Autowired AlipayCircuitBreakers breakers;
  @Autowired VerificationStore store;

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
    requestDeadLetters = new WholeTopicReader(Topics.REQUESTS_DLT);
    queryDeadLetters = new WholeTopicReader(Topics.QUERIES_DLT);
    queryResults = new WholeTopicReader(Topics.QUERY_RESULTS);
  }

  @AfterAll
  static void close() {
    producer.close();
    requestDeadLetters.close();
    queryDeadLetters.close();
    queryResults.close();
    simulator.close();
  }

  @BeforeEach
  void calm() {
    simulator.setScenario(Scenario.none());
    breakers.forApp("default").reset();
    verifications = new StoredVerificationReader(jdbc, CLIENT);
  }

  @Test
  void withSystemErrorsAndReadTimeoutsEverythingEndsAwaitingUserOnceAndIsAnswered() {
    int count = 60;
    long certificationsBefore = certifications();
    simulator.setScenario(
        Scenario.none()
            .withSeed(20)
            .withTimeoutHangMs(1_500)
            .withFaults(GatewayMethods.INITIALIZE, new MethodFaults(0.20, 0.05, 0, 0))
            .withFaults(GatewayMethods.QUERY, new MethodFaults(0.20, 0.05, 0, 0)));
    String run = "faults-" + UUID.randomUUID() + "-";
    for (int i = 0; i < count; i++) {
      send(run + i);
    }
    producer.flush();

    Map<UUID, String> certifyIds = new ConcurrentHashMap<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> row = verifications.awaitStatus(run + i, "AWAITING_USER", WAIT);
      UUID id = (UUID) row.get("id");
      certifyIds.put(id, (String) row.get("certify_id"));
      assertThat(verifications.outbox(id))
          .as("one certify_url_issued per verification, read timeouts or not")
          .singleElement()
          .satisfies(
              e -> assertThat(e.get("event_type")).isEqualTo("verification.certify_url_issued"));
      assertThat(verifications.statusesOf(id))
          .containsExactly("RECEIVED", "INITIALIZING", "AWAITING_USER");
    }
    // a timed-out initialize re-driven with the same outer_order_no finds the same certification
    assertThat(certifications() - certificationsBefore).isEqualTo(count);
    assertThat(Set.copyOf(certifyIds.values())).hasSize(count);

    Set<UUID> queries = ConcurrentHashMap.newKeySet();
    certifyIds.forEach((id, certifyId) -> queries.add(QueryCommands.send(producer, id, certifyId)));
    producer.flush();
    List<ConsumerRecord<byte[], byte[]>> answers =
        queryResults.awaitMatching(r -> queries.contains(parse(r).queryId()), count, WAIT);
    assertThat(answers.stream().map(r -> parse(r).queryId()).distinct().count()).isEqualTo(count);

    assertThat(requestDeadLetters.readToEnd(r -> key(r).startsWith(run), WAIT)).isEmpty();
    assertThat(
            queryDeadLetters.readToEnd(r -> certifyIds.containsKey(UUID.fromString(key(r))), WAIT))
        .isEmpty();
    System.out.printf(
        "fault run: %d requests + %d queries, simulator calls %s%n",
        count, count, simulator.stats().calls());
  }

  @Test
  void retriesRunOutIntoTheDeadLetterWithTheirHistoryAndAReplayResumes() {
    simulator.setScenario(
        Scenario.none()
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.SYSTEM_ERROR, 1.0)));
    String requestId = "exhausted-" + UUID.randomUUID();
    String certName = TestIdentities.certName();
    String certNo = TestIdentities.certNo();
    // the business service's trace: it must survive every retry hop, the dead letter and the replay
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    ProducerRecord<byte[], byte[]> request =
        new ProducerRecord<>(
            Topics.REQUESTS,
            requestId.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            RequestJson.request(CLIENT, requestId, certName, certNo));
    request
        .headers()
        .add(
            "traceparent",
            ("00-" + traceId + "-00f067aa0ba902b7-01")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    RecordMetadata sent = producer.sendNow(request);

    Map<String, Object> row = verifications.awaitStatus(requestId, "DEAD_LETTERED", WAIT);
    UUID id = (UUID) row.get("id");
    assertThat(row.get("dead_letter_reason")).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(row.get("status_before_dead_letter")).isEqualTo("INITIALIZING");
    // the verification keeps the trace it was created in: its return and ladder queries continue it
    assertThat((String) row.get("trace_parent")).startsWith("00-" + traceId + "-");
    ConsumerRecord<byte[], byte[]> letter =
        requestDeadLetters.awaitMatching(r -> key(r).equals(requestId), 1, WAIT).get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("RETRIES_EXHAUSTED");
    assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.REQUESTS);
    assertThat(header(letter, DeadLetterHeaders.ORIGINAL_PARTITION))
        .isEqualTo(String.valueOf(sent.partition()));
    assertThat(header(letter, DeadLetterHeaders.ORIGINAL_OFFSET))
        .isEqualTo(String.valueOf(sent.offset()));
    // 3 in-process attempts on the first delivery and on each of the 3 retry hops
    assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("12");
    Instant first = Instant.parse(header(letter, DeadLetterHeaders.FIRST_FAILURE_AT));
    Instant last = Instant.parse(header(letter, DeadLetterHeaders.LAST_FAILURE_AT));
    assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
    assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE))
        .contains("20000")
        .doesNotContain(certNo)
        .doesNotContain(certName);
    assertThat(header(letter, RetryHeaders.HOP)).isNull();
    assertThat(header(letter, "traceparent")).startsWith("00-" + traceId + "-");
    assertThat(new String(letter.value(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(certNo); // the original value, byte for byte, for the replay

    simulator.setScenario(Scenario.none());
    // ops ask PostgreSQL for the replay first: a record on the topic alone resumes nothing
    Verification deadLettered = store.find(id).orElseThrow();
    assertThat(store.requestReplay(id, deadLettered.version(), "ops@failure-it")).isTrue();
    producer.replay(letter, Topics.REQUESTS);
    Map<String, Object> resumed = verifications.awaitStatus(requestId, "AWAITING_USER", WAIT);
    assertThat(resumed.get("outer_order_no")).isEqualTo(row.get("outer_order_no"));
    assertThat(verifications.statusesOf(id))
        .containsExactly(
            "RECEIVED", "INITIALIZING", "DEAD_LETTERED", "INITIALIZING", "AWAITING_USER");
    assertThat(verifications.causesOf(id)).contains("DEAD_LETTERED", "REPLAYED");
    assertThat(verifications.outbox(id)).hasSize(1);
    // the certify URL's event, written after the replay, is relayed within the same trace
    assertThat((String) verifications.outbox(id).get(0).get("trace_parent"))
        .startsWith("00-" + traceId + "-");

    // the same dead letter replayed again: the verification has moved on, nothing changes
    int transitions = verifications.statusesOf(id).size();
    producer.replay(letter, Topics.REQUESTS);
    // a request behind the replay on the same partition: once it is done, so is the replay
    String later = "after-replay-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(CLIENT, later, TestIdentities.certName(), TestIdentities.certNo()));
    producer.flush();
    verifications.awaitStatus(later, "AWAITING_USER", WAIT);
    assertThat(verifications.statusesOf(id)).hasSize(transitions);
    assertThat(verifications.outbox(id)).hasSize(1);
    assertThat(requestDeadLetters.readToEnd(r -> key(r).equals(requestId), WAIT)).hasSize(1);
  }

  @Test
  void anOutageEndsWithEveryVerificationAwaitingUserAndNothingDeadLettered() throws Exception {
    long outageMs = Long.getLong("facecheck.outage.seconds", 12) * 1_000;
    List<CircuitBreaker.State> states = new CopyOnWriteArrayList<>();
    breakers.onStateChange((app, state) -> states.add(state));
    String run = "outage-" + UUID.randomUUID() + "-";
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      before.add(send(run + "before-" + i));
    }
    producer.flush();
    Map<UUID, String> waiting = new ConcurrentHashMap<>();
    for (String requestId : before) {
      Map<String, Object> row = verifications.awaitStatus(requestId, "AWAITING_USER", WAIT);
      waiting.put((UUID) row.get("id"), (String) row.get("certify_id"));
    }

    simulator.setScenario(
        Scenario.none().withOutage(Outage.startingIn(0, outageMs, Fault.HTTP_502)));
    List<String> during = new ArrayList<>();
    Set<UUID> queries = ConcurrentHashMap.newKeySet();
    waiting.forEach((id, certifyId) -> queries.add(QueryCommands.send(producer, id, certifyId)));
    // spread over the outage by what the breaker does, not by the wall clock: the first wave meets
    // a closed breaker and opens it, the second arrives while it is open, the third once it let
    // calls through again to find Alipay still down (half-open) or back
    sendWave(run + "during-closed-", during);
    await().atMost(WAIT).until(() -> states.contains(CircuitBreaker.State.OPEN));
    sendWave(run + "during-open-", during);
    await().atMost(WAIT).until(() -> states.contains(CircuitBreaker.State.HALF_OPEN));
    sendWave(run + "during-half-open-", during);

    for (String requestId : during) {
      verifications.awaitStatus(requestId, "AWAITING_USER", WAIT.plusMillis(outageMs));
    }
    assertThat(
            queryResults.awaitMatching(
                r -> queries.contains(parse(r).queryId()), queries.size(), WAIT))
        .hasSize(queries.size());
    assertThat(states).contains(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
    assertThat(states.get(states.size() - 1)).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(requestDeadLetters.readToEnd(r -> key(r).startsWith(run), WAIT)).isEmpty();
    assertThat(queryDeadLetters.readToEnd(r -> waiting.containsKey(UUID.fromString(key(r))), WAIT))
        .isEmpty();
    System.out.printf(
        "outage of %d s: breaker %s; simulator calls %s; hops spent by retried requests %s%n",
        outageMs / 1000,
        states,
        simulator.stats().calls(),
        RetryHops.of(run, List.of("1s", "2s", "3s")));
  }

  private void sendWave(String prefix, List<String> sent) {
    for (int i = 0; i < 14; i++) {
      sent.add(send(prefix + i));
    }
    producer.flush();
  }

  private String send(String requestId) {
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(CLIENT, requestId, TestIdentities.certName(), TestIdentities.certNo()));
    return requestId;
  }

  private static long certifications() {
    return simulator.stats().certifications().values().stream().mapToLong(Long::longValue).sum();
  }
}
