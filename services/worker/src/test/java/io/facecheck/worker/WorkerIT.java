package io.facecheck.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.initiation.CertificationStarter;
import io.facecheck.worker.initiation.IssuedCertification;
import io.facecheck.worker.initiation.StartCertification;
import io.facecheck.worker.initiation.alipay.AlipayCertificationStarter;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.TestIdentities;
import io.facecheck.worker.support.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker on a real Kafka broker, a real PostgreSQL and the embedded Alipay simulator, called
 * through the real alipay-sdk-java.
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.retry.initial-backoff=20ms",
      "facecheck.worker.retry.max-backoff=100ms",
      "facecheck.worker.instance=it"
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Import(WorkerIT.AlipayJudgesOneNumberInvalid.class)
class WorkerIT {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final String CLIENT = "loan-service";
  private static final Set<String> PII_USED = ConcurrentHashMap.newKeySet();

  /**
   * Our parser and the simulator check resident IDs alike, so no valid request earns a 40004 by
   * itself. For this one name the real starter is handed a number with a wrong check digit, as if
   * Alipay had judged the person's number invalid; the call and its answer are real.
   */
  private static final String REFUSED_BY_ALIPAY = "驳回测试";

  private static Producer producer;
  private static TopicReader requestDeadLetters;
  private static TopicReader queryResults;

  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;

  /** Both listeners own all 6 partitions before a test produces (a slow first rebalance). */
  @BeforeEach
  void listenersAssigned() {
    for (MessageListenerContainer container : listeners.getListenerContainers()) {
      ContainerTestUtils.waitForAssignment(container, 6);
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
    SimulatedAlipay.register(registry);
  }

  @BeforeAll
  static void clients() {
    producer = new Producer();
    requestDeadLetters = new TopicReader(Topics.REQUESTS_DLT);
    queryResults = new TopicReader(Topics.QUERY_RESULTS);
  }

  @AfterAll
  static void closeClients() {
    producer.close();
    requestDeadLetters.close();
    queryResults.close();
  }

  @Test
  void validRequestEndsAwaitingUserWithACertifyUrlTheSimulatorAccepts(CapturedOutput output)
      throws Exception {
    String requestId = "order-" + UUID.randomUUID();
    sendRequest(requestId, name(), certNo());

    Map<String, Object> row = awaitStatus(requestId, "AWAITING_USER");
    UUID id = (UUID) row.get("id");
    assertThat(row.get("outer_order_no")).isEqualTo(id.toString().replace("-", ""));
    assertThat(statusesOf(id)).containsExactly("RECEIVED", "INITIALIZING", "AWAITING_USER");
    assertThat(row.get("next_query_at")).isNotNull();

    List<Map<String, Object>> events = outbox(id);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("event_type")).isEqualTo("verification.certify_url_issued");
    String certifyUrl = (String) row.get("certify_url");
    assertThat(events.get(0).get("payload").toString()).contains("AWAITING_USER");
    assertThat(certifyUrl).startsWith(SimulatedAlipay.simulator().gatewayUrl());
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(certifyUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"pass\"");
    assertNoPiiLogged(output);
  }

  @Test
  void theSameRequestTwiceIsOneVerificationWithOneEvent(CapturedOutput output) {
    String requestId = "twice-" + UUID.randomUUID();
    byte[] value = RequestJson.request(CLIENT, requestId, name(), certNo());
    producer.send(Topics.REQUESTS, requestId, value);
    producer.send(Topics.REQUESTS, requestId, value);
    producer.flush();

    UUID id = (UUID) awaitStatus(requestId, "AWAITING_USER").get("id");
    // the second copy is consumed after the first (same key, same partition): let it land
    String later = "after-" + UUID.randomUUID();
    producer.send(Topics.REQUESTS, requestId, RequestJson.request(CLIENT, later, name(), certNo()));
    producer.flush();
    awaitStatus(later, "AWAITING_USER");

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM verifications WHERE client_id = ? AND request_id = ?",
                Long.class,
                CLIENT,
                requestId))
        .isEqualTo(1);
    assertThat(outbox(id)).hasSize(1);
    assertNoPiiLogged(output);
  }

  @Test
  void aBadCheckDigitIsRejectedNamingTheField(CapturedOutput output) {
    String requestId = "bad-digit-" + UUID.randomUUID();
    sendRequest(requestId, name(), TestIdentities.withWrongCheckDigit(certNo()));

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    UUID id = (UUID) row.get("id");
    assertThat(row.get("error_field")).isEqualTo("/identity/cert_no");
    List<Map<String, Object>> events = outbox(id);
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type")).isEqualTo("verification.rejected"));
    assertThat(events.get(0).get("payload").toString()).contains("identity/cert_no");
    assertNoPiiLogged(output);
  }

  @Test
  void unparseableRecordsAreDeadLetteredWhileValidNeighboursComplete(CapturedOutput output) {
    String before = "before-" + UUID.randomUUID();
    String after = "after-" + UUID.randomUUID();
    String run = UUID.randomUUID().toString();
    byte[] notJson = "{not json".getBytes(UTF_8);
    byte[] notUtf8 = {'{', '"', 'a', '"', ':', (byte) 0xC3, (byte) 0x28, '}'};
    byte[] array = "[1,2,3]".getBytes(UTF_8);
    byte[] tooLarge = ("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(UTF_8);
    byte[] anonymous =
        ("{\"schema_version\":1,\"client_id\":\"BAD ID\",\"request_id\":\"r\"}").getBytes(UTF_8);

    sendRequest(before, name(), certNo());
    producer.send(Topics.REQUESTS, run + "-json", notJson);
    producer.send(Topics.REQUESTS, run + "-utf8", notUtf8);
    producer.send(Topics.REQUESTS, run + "-array", array);
    producer.send(Topics.REQUESTS, run + "-large", tooLarge);
    producer.send(Topics.REQUESTS, run + "-anonymous", anonymous);
    sendRequest(after, name(), certNo());

    awaitStatus(before, "AWAITING_USER");
    awaitStatus(after, "AWAITING_USER");
    Map<String, String> reasons = new ConcurrentHashMap<>();
    Map<String, byte[]> values = new ConcurrentHashMap<>();
    for (ConsumerRecord<byte[], byte[]> r :
        requestDeadLetters.await(r -> key(r).startsWith(run), 5, WAIT)) {
      reasons.put(key(r).substring(run.length() + 1), header(r, DeadLetterHeaders.REASON));
      values.put(key(r).substring(run.length() + 1), r.value());
      assertThat(header(r, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.REQUESTS);
      assertThat(header(r, DeadLetterHeaders.ORIGINAL_OFFSET)).matches("\\d+");
      assertThat(header(r, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    }
    assertThat(reasons)
        .containsEntry("json", "INVALID_JSON")
        .containsEntry("utf8", "NOT_UTF8")
        .containsEntry("array", "NOT_AN_OBJECT")
        .containsEntry("large", "TOO_LARGE")
        .containsEntry("anonymous", "INVALID_REQUEST");
    assertThat(values.get("utf8")).isEqualTo(notUtf8);
    assertThat(values.get("large")).isEqualTo(tooLarge);
    assertNoPiiLogged(output);
  }

  @Test
  void aConflictingPayloadIsDeadLettered(CapturedOutput output) {
    String requestId = "conflict-" + UUID.randomUUID();
    sendRequest(requestId, name(), certNo());
    awaitStatus(requestId, "AWAITING_USER");
    sendRequest(requestId, name(), certNo()); // same ids, another person

    List<ConsumerRecord<byte[], byte[]>> letters =
        requestDeadLetters.await(r -> key(r).equals(requestId), 1, WAIT);
    assertThat(letters).hasSize(1);
    assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).isEqualTo("IDEMPOTENCY_CONFLICT");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM verifications WHERE request_id = ?", Long.class, requestId))
        .isEqualTo(1);
    assertNoPiiLogged(output);
  }

  @Test
  void aBusinessRefusalFromAlipayEndsRejectedWithItsSubCode(CapturedOutput output) {
    String requestId = "refused-" + UUID.randomUUID();
    PII_USED.add(REFUSED_BY_ALIPAY);
    sendRequest(requestId, REFUSED_BY_ALIPAY, certNo());

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    UUID id = (UUID) row.get("id");
    assertThat(row.get("error_code")).isEqualTo("INVALID_CERT_NO");
    assertThat(statusesOf(id)).containsExactly("RECEIVED", "INITIALIZING", "REJECTED");
    assertThat(outbox(id))
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type")).isEqualTo("verification.rejected"));
    assertThat(outbox(id).get(0).get("payload").toString()).contains("INVALID_CERT_NO");
    assertNoPiiLogged(output);
  }

  @TestConfiguration
  static class AlipayJudgesOneNumberInvalid {
    @Bean
    @Primary
    CertificationStarter refusingStarter(AlipayClients clients, AlipayRetry retry) {
      CertificationStarter real = new AlipayCertificationStarter(clients, retry);
      return new CertificationStarter() {
        @Override
        public boolean knowsApp(String app) {
          return real.knowsApp(app);
        }

        @Override
        public AttemptedCall<IssuedCertification> start(StartCertification c) {
          return real.start(
              REFUSED_BY_ALIPAY.equals(c.certName())
                  ? new StartCertification(
                      c.app(),
                      c.outerOrderNo(),
                      c.bizCode(),
                      c.certType(),
                      c.certName(),
                      TestIdentities.withWrongCheckDigit(c.certNo()),
                      c.returnUrl())
                  : c);
        }
      };
    }
  }

  @Test
  void aWrongAppKeyDeadLettersWithProviderConfig(CapturedOutput output) {
    String requestId = "wrong-key-" + UUID.randomUUID();
    String certName = name();
    String certNo = certNo();
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(CLIENT, requestId, certName, certNo, "misconfigured"));
    producer.flush();

    Map<String, Object> row = awaitStatus(requestId, "DEAD_LETTERED");
    assertThat(row.get("dead_letter_reason")).isEqualTo("PROVIDER_CONFIG");
    assertThat(row.get("status_before_dead_letter")).isEqualTo("INITIALIZING");
    List<ConsumerRecord<byte[], byte[]>> letters =
        requestDeadLetters.await(r -> key(r).equals(requestId), 1, WAIT);
    assertThat(letters).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("PROVIDER_CONFIG");
    assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE))
        .contains("40002")
        .doesNotContain(certNo)
        .doesNotContain(certName);
    assertThat(header(letter, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    // fixing the key and replaying: WrongKeyFixedThenReplayedIT (it restarts its own worker)
    assertNoPiiLogged(output);
  }

  /** A request that breaks the contract in one way, and the field its REJECTED must name. */
  record BadRequest(String kind, String from, String to, String field) {
    byte[] apply(byte[] valid) {
      String json = new String(valid, UTF_8);
      assertThat(json).contains(from);
      return json.replace(from, to).getBytes(UTF_8);
    }

    @Override
    public String toString() {
      return kind;
    }
  }

  static List<BadRequest> badRequests() {
    return List.of(
        new BadRequest(
            "missing return_url",
            "\"return_url\":\"https://loan.example/kyc/done\",",
            "",
            "/return_url"),
        new BadRequest("missing cert_name", "\"cert_name\":", "\"name\":", "/identity"),
        new BadRequest("unknown biz_code", "\"FACE\"", "\"SELFIE\"", "/biz_code"),
        new BadRequest(
            "non-https return_url", "https://loan.example", "http://loan.example", "/return_url"),
        new BadRequest(
            "wrong shape", "\"ttl_seconds\":900", "\"ttl_seconds\":\"900\"", "/ttl_seconds"),
        new BadRequest(
            "wrong schema_version",
            "\"schema_version\":1",
            "\"schema_version\":2",
            "/schema_version"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void anInvalidRequestIsRejectedNamingTheFieldWhileItsNeighboursComplete(
      BadRequest bad, CapturedOutput output) {
    String requestId = "invalid-" + UUID.randomUUID();
    String before = "before-" + requestId;
    String after = "after-" + requestId;
    // one key for all three: one partition, so the one behind the bad record proves it moved on
    producer.send(
        Topics.REQUESTS, requestId, RequestJson.request(CLIENT, before, name(), certNo()));
    producer.send(
        Topics.REQUESTS,
        requestId,
        bad.apply(RequestJson.request(CLIENT, requestId, name(), certNo())));
    producer.send(Topics.REQUESTS, requestId, RequestJson.request(CLIENT, after, name(), certNo()));
    producer.flush();

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    assertThat(row.get("error_code")).isEqualTo("INVALID_REQUEST");
    assertThat((String) row.get("error_field")).startsWith(bad.field());
    assertThat(outbox((UUID) row.get("id")))
        .singleElement()
        .satisfies(e -> assertThat(e.get("event_type")).isEqualTo("verification.rejected"));
    awaitStatus(before, "AWAITING_USER");
    awaitStatus(after, "AWAITING_USER");
    assertNoPiiLogged(output);
  }

  @Test
  void aQueryCommandIsAnsweredWithAlipaysResult(CapturedOutput output) {
    String requestId = "query-" + UUID.randomUUID();
    sendRequest(requestId, name(), certNo());
    Map<String, Object> row = awaitStatus(requestId, "AWAITING_USER");
    UUID id = (UUID) row.get("id");
    String certifyId = (String) row.get("certify_id");

    UUID notYet = sendQuery(id, certifyId);
    assertThat(awaitResult(notYet).outcome()).isEqualTo(QueryOutcome.NOT_PASSED);

    SimulatedAlipay.simulator().complete(certifyId, true, false);
    UUID passed = sendQuery(id, certifyId);
    VerificationQueryResult result = awaitResult(passed);
    assertThat(result.outcome()).isEqualTo(QueryOutcome.PASSED);
    assertThat(result.verificationId()).isEqualTo(id);
    assertThat(result.certifyId()).isEqualTo(certifyId);

    UUID unknown = sendQuery(id, "OC0000000000000000000000000unknown");
    assertThat(awaitResult(unknown).outcome()).isEqualTo(QueryOutcome.NOT_FOUND);
    assertNoPiiLogged(output);
  }

  private UUID sendQuery(UUID verificationId, String certifyId) {
    UUID queryId = UUID.randomUUID();
    VerificationQuery query =
        VerificationQuery.of(
            queryId, verificationId, "default", certifyId, QueryReason.LADDER, Instant.now());
    producer.send(
        Topics.QUERIES, verificationId.toString(), PayloadJson.mapper().writeValueAsBytes(query));
    producer.flush();
    return queryId;
  }

  private VerificationQueryResult awaitResult(UUID queryId) {
    List<VerificationQueryResult> results =
        queryResults.await(r -> parse(r).queryId().equals(queryId), 1, WAIT).stream()
            .map(WorkerIT::parse)
            .toList();
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private static VerificationQueryResult parse(ConsumerRecord<byte[], byte[]> record) {
    return PayloadJson.mapper().readValue(record.value(), VerificationQueryResult.class);
  }

  private void sendRequest(String requestId, String certName, String certNo) {
    producer.send(
        Topics.REQUESTS, requestId, RequestJson.request(CLIENT, requestId, certName, certNo));
    producer.flush();
  }

  private Map<String, Object> awaitStatus(String requestId, String status) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                status.equals(
                    jdbc
                        .query(
                            "SELECT status FROM verifications WHERE client_id = ? AND request_id = ?",
                            (rs, n) -> rs.getString(1),
                            CLIENT,
                            requestId)
                        .stream()
                        .findFirst()
                        .orElse(null)));
    return jdbc.queryForMap(
        "SELECT * FROM verifications WHERE client_id = ? AND request_id = ?", CLIENT, requestId);
  }

  private List<String> statusesOf(UUID id) {
    return jdbc.queryForList(
        "SELECT to_status FROM verification_transitions WHERE verification_id = ? ORDER BY id",
        String.class,
        id);
  }

  private List<Map<String, Object>> outbox(UUID id) {
    return jdbc.queryForList("SELECT * FROM outbox WHERE verification_id = ? ORDER BY id", id);
  }

  private static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? "" : new String(record.key(), UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }

  private static String name() {
    String name = TestIdentities.certName();
    PII_USED.add(name);
    return name;
  }

  private static String certNo() {
    String certNo = TestIdentities.certNo();
    PII_USED.add(certNo);
    PII_USED.add(TestIdentities.withWrongCheckDigit(certNo));
    return certNo;
  }

  private static void assertNoPiiLogged(CapturedOutput output) {
    String all = output.getAll();
    assertThat(all).isNotEmpty();
    assertThat(PII_USED.stream().filter(all::contains).toList())
        .as("cert_name / cert_no in the log output")
        .isEmpty();
    assertThat(Arrays.asList(all.split("\n")))
        .noneMatch(line -> line.matches(".*1101051\\d{6,}.*"));
  }
}
