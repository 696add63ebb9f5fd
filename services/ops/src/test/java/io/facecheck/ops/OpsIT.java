package io.facecheck.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.ops.deadletter.kafka.ReplayPublisher;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import io.facecheck.testinfra.TestKafka;
import io.facecheck.testinfra.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The commands in-process against a real Kafka broker and a real PostgreSQL: verifications made
 * through the state machine's store and transitions, dead letters with the headers the worker
 * writes. Every test uses its own request ids, so the shared dead-letter topics may hold others'.
 */
class OpsIT {

  private static final String CERT_NAME = "欧阳娜娜";
  private static final String CERT_NO = "11010519491231002X";
  private static final String MASKED_NO = "1101**********002X";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Clock CLOCK = Clock.systemUTC();

  private static TestPostgres.Database db;
  private static JdbcVerificationStore store;
  private static KafkaProducer<byte[], byte[]> producer;
  private static final PiiCipher CIPHER =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  @BeforeAll
  static void start() throws Exception {
    db = TestPostgres.newDatabase();
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    store = JdbcVerificationStore.of(db.dataSource(), CLOCK);
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      List<NewTopic> topics = new ArrayList<>();
      for (String topic :
          List.of(Topics.REQUESTS, Topics.REQUESTS_DLT, Topics.QUERIES, Topics.QUERIES_DLT)) {
        if (!admin.listTopics().names().get().contains(topic)) {
          topics.add(new NewTopic(topic, 3, (short) 1));
        }
      }
      admin.createTopics(topics).all().get();
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
  }

  @Test
  void listShowsOneMaskedRowPerDeadLetterAndNoIdentityAnywhere() throws Exception {
    String requestId = "list-" + UUID.randomUUID();
    Verification parked = deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    DeadLetter letter = deadLetterOfRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);
    String broken =
        "{\"request_id\":\""
            + requestId
            + "-b\",\"identity\":{\"cert_name\":\""
            + CERT_NAME
            + "\",\"cert_no\":\""
            + CERT_NO
            + "\"";
    DeadLetter unparseable =
        publishDeadLetter(
            Topics.REQUESTS,
            requestId + "-b",
            broken.getBytes(UTF_8),
            DeadLetterReason.INVALID_JSON,
            "value is not valid JSON: Unexpected end-of-input");
    Verification waiting = awaitingUser("list-q-" + UUID.randomUUID());
    DeadLetter query = deadLetterOfQuery(waiting);

    Run run = run("dlt", "list", "--limit", "100000");

    assertThat(run.code()).isZero();
    assertThat(run.line(letter.coordinates()))
        .contains("PROVIDER_CONFIG")
        .contains(letter.original())
        .contains("loan-service:" + requestId)
        .contains("FACE")
        .contains(parked.id().toString())
        .contains("DEAD_LETTERED")
        .contains("for cert_no " + MASKED_NO);
    assertThat(run.line(unparseable.coordinates()))
        .contains("INVALID_JSON")
        .contains(requestId + "-b")
        .contains("Unexpected end-of-input");
    assertThat(run.line(query.coordinates()))
        .contains("RETRIES_EXHAUSTED")
        .contains(waiting.id().toString())
        .contains("AWAITING_USER");
    run.assertNoIdentity();
  }

  @Test
  void listFiltersByReasonAndTopicAndWritesJsonLines() throws Exception {
    String requestId = "json-" + UUID.randomUUID();
    Verification parked = deadLettered(requestId, DeadLetterReason.RETRIES_EXHAUSTED);
    DeadLetter letter = deadLetterOfRequest(requestId, DeadLetterReason.RETRIES_EXHAUSTED);

    Run run =
        run(
            "dlt",
            "list",
            "--json",
            "--reason",
            "RETRIES_EXHAUSTED",
            "--topic",
            Topics.REQUESTS_DLT,
            "--since",
            "1h",
            "--limit",
            "100000");

    assertThat(run.code()).isZero();
    List<JsonNode> rows = new ArrayList<>();
    for (String line : run.out().split("\n")) {
      rows.add(JSON.readTree(line));
    }
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.get("reason").asString()).isEqualTo("RETRIES_EXHAUSTED");
              assertThat(row.get("dlt_topic").asString()).isEqualTo(Topics.REQUESTS_DLT);
            });
    JsonNode mine =
        rows.stream()
            .filter(
                row ->
                    row.get("dlt_offset").asLong() == letter.offset()
                        && row.get("dlt_partition").asInt() == letter.partition())
            .findFirst()
            .orElseThrow();
    assertThat(mine.get("request_id").asString()).isEqualTo(requestId);
    assertThat(mine.get("verification_id").asString()).isEqualTo(parked.id().toString());
    assertThat(mine.get("status").asString()).isEqualTo("DEAD_LETTERED");
    assertThat(mine.get("attempts").asString()).isEqualTo("12");
    assertThat(mine.get("error_message").asString()).contains(MASKED_NO);
    run.assertNoIdentity();
  }

  @Test
  void showPrintsEveryHeaderAndTheValueMasked() throws Exception {
    String requestId = "show-" + UUID.randomUUID();
    Verification parked = deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    DeadLetter letter = deadLetterOfRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);

    Run run = run("dlt", "show", letter.topic(), "" + letter.partition(), "" + letter.offset());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains(letter.coordinates())
        .contains("traceparent")
        .contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .contains(DeadLetterHeaders.REASON + "  ")
        .contains("PROVIDER_CONFIG")
        .contains(DeadLetterHeaders.ORIGINAL_TOPIC)
        .contains(DeadLetterHeaders.ORIGINAL_PARTITION)
        .contains(DeadLetterHeaders.ORIGINAL_OFFSET)
        .contains(DeadLetterHeaders.ATTEMPTS)
        .contains(DeadLetterHeaders.FIRST_FAILURE_AT)
        .contains(DeadLetterHeaders.LAST_FAILURE_AT)
        .contains(DeadLetterHeaders.ERROR_MESSAGE)
        .contains(parked.id() + " DEAD_LETTERED")
        .contains("\"cert_name\":\"欧***\"")
        .contains("\"cert_no\":\"" + MASKED_NO + "\"")
        .contains("\"request_id\":\"" + requestId + "\"");
    run.assertNoIdentity();
  }

  @Test
  void showOfAnOffsetWithNoRecordIsNotFound() {
    Run run = run("dlt", "show", Topics.REQUESTS_DLT, "0", "999999999");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).contains("no record at verification-requests-dlt/0@999999999");
  }

  @Test
  void replayPublishesTheSameKeyValueAndHeadersToTheOriginalTopic() throws Exception {
    String requestId = "replay-" + UUID.randomUUID();
    Verification parked = deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    DeadLetter letter = deadLetterOfRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);
    TopicPartition original = new TopicPartition(Topics.REQUESTS, letter.originalPartition());
    long before = endOffset(original);

    Run dry =
        run(
            "dlt",
            "replay",
            letter.topic(),
            "" + letter.partition(),
            "" + letter.offset(),
            "--dry-run");
    assertThat(dry.code()).isZero();
    assertThat(dry.out())
        .contains("would replay  " + letter.coordinates() + " -> " + Topics.REQUESTS)
        .contains(parked.id() + " (DEAD_LETTERED)");
    assertThat(endOffset(original)).isEqualTo(before);

    Run run = run("dlt", "replay", letter.topic(), "" + letter.partition(), "" + letter.offset());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains(
            "replayed      "
                + letter.coordinates()
                + " -> "
                + Topics.REQUESTS
                + "/"
                + letter.originalPartition()
                + "@"
                + before)
        .contains("key=" + requestId);
    ConsumerRecord<byte[], byte[]> replayed = recordAt(original, before);
    assertThat(replayed.key()).isEqualTo(letter.key());
    assertThat(replayed.value()).isEqualTo(letter.value());
    assertThat(text(replayed, "traceparent")).isEqualTo(text(letter.sent(), "traceparent"));
    assertThat(text(replayed, ReplayPublisher.REPLAYED_FROM)).isEqualTo(letter.coordinates());
    assertThat(replayed.headers().lastHeader(DeadLetterHeaders.REASON)).isNull();
    assertThat(replayed.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET)).isNull();
    run.assertNoIdentity();
  }

  @Test
  void replayOfAFinalVerificationIsSkippedAndPublishesNothing() throws Exception {
    String requestId = "final-" + UUID.randomUUID();
    Verification created = created(requestId);
    store.apply(created.markRejected("UNKNOWN_APP", "/app", "no such app"), "ops-it");
    DeadLetter letter = deadLetterOfRequest(requestId, DeadLetterReason.IDEMPOTENCY_CONFLICT);
    TopicPartition original = new TopicPartition(Topics.REQUESTS, letter.originalPartition());
    long before = endOffset(original);

    Run run = run("dlt", "replay", letter.topic(), "" + letter.partition(), "" + letter.offset());

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.out())
        .contains("skipped       " + letter.coordinates())
        .contains("verification " + created.id() + " is already REJECTED");
    assertThat(run.err()).contains("nothing replayed");
    assertThat(endOffset(original)).isEqualTo(before);
  }

  @Test
  void replayByReasonPublishesEveryMatchingRecordAndRefusesOnesWithoutAnOriginalTopic()
      throws Exception {
    String requestId = "bulk-" + UUID.randomUUID();
    Verification parked = deadLettered(requestId, DeadLetterReason.NOT_UTF8);
    DeadLetter letter = deadLetterOfRequest(requestId, DeadLetterReason.NOT_UTF8);
    DeadLetter headless = publishWithoutOriginalTopic(requestId + "-h");

    Run run = run("dlt", "replay", "--reason", "not_utf8", "--topic", Topics.REQUESTS_DLT);

    assertThat(run.code()).isZero();
    assertThat(run.line(letter.coordinates()))
        .startsWith("replayed")
        .contains(parked.id().toString());
    assertThat(run.line(headless.coordinates()))
        .startsWith("skipped")
        .contains("no facecheck-original-topic header");
    run.assertNoIdentity();
  }

  @Test
  void timelinePrintsTheTransitionsInOrderByIdAndByRequest() {
    String requestId = "timeline-" + UUID.randomUUID();
    Verification parked = deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);

    Run byId = run("timeline", parked.id().toString());
    Run byRequest = run("timeline", "--request", "loan-service:" + requestId);

    assertThat(byId.code()).isZero();
    assertThat(byRequest.out()).isEqualTo(byId.out());
    String out = byId.out();
    assertThat(out)
        .contains("verification    " + parked.id())
        .contains("request         loan-service:" + requestId)
        .contains("status          DEAD_LETTERED (reason PROVIDER_CONFIG")
        .contains("expires_at      " + parked.expiresAt())
        .contains("outer_order_no  " + parked.outerOrderNo());
    List<String> lines = out.lines().toList();
    int received = indexOf(lines, "^1 .* +RECEIVED +REQUEST_RECEIVED +intake@ops-it.*");
    int initializing =
        indexOf(lines, "^2 .*RECEIVED +INITIALIZING +INITIALIZE_STARTED +worker@ops-it.*");
    int deadLettered =
        indexOf(lines, "^3 .*INITIALIZING +DEAD_LETTERED +DEAD_LETTERED +worker@ops-it.*");
    assertThat(initializing).isEqualTo(received + 1);
    assertThat(deadLettered).isEqualTo(initializing + 1);
    assertThat(lines).hasSize(deadLettered + 1);
    assertThat(out).contains("reason=PROVIDER_CONFIG");
    byId.assertNoIdentity();
  }

  @Test
  void timelineOfAnUnknownVerificationIsNotFound() {
    Run run = run("timeline", UUID.randomUUID().toString());

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).contains("no verification");
  }

  private static int indexOf(List<String> lines, String regex) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(regex)) {
        return i;
      }
    }
    throw new AssertionError("no line matching " + regex + " in\n" + String.join("\n", lines));
  }

  // --- fixtures: the state machine's own store and transitions ---

  private static VerificationRequest request(String requestId) {
    return new VerificationRequest(
        1,
        requestId,
        "loan-service",
        BizCode.FACE,
        new VerificationRequest.Identity(CertType.IDENTITY_CARD, CERT_NAME, CERT_NO),
        "https://loan.example/kyc/done",
        900,
        Map.of("order", "42"),
        "default");
  }

  private static Verification created(String requestId) {
    NewVerification nv = NewVerification.seal(request(requestId), "a".repeat(64), CIPHER, CLOCK);
    return ((CreateOutcome.Created) store.create(nv, "intake@ops-it")).verification();
  }

  private static Verification deadLettered(String requestId, DeadLetterReason reason) {
    Verification v = created(requestId);
    StatusChange init = v.markInitializing(v.id().toString().replace("-", ""));
    store.apply(init, "worker@ops-it");
    store.apply(init.after().markDeadLettered(reason.code()), "worker@ops-it");
    return store.find(v.id()).orElseThrow();
  }

  private static Verification awaitingUser(String requestId) {
    Verification v = created(requestId);
    StatusChange init = v.markInitializing(v.id().toString().replace("-", ""));
    store.apply(init, "worker@ops-it");
    store.apply(
        init.after().markAwaitingUser("cid-1", "https://a.example/c", CLOCK.instant()),
        "worker@ops-it");
    return store.find(v.id()).orElseThrow();
  }

  // --- dead letters as the worker writes them ---

  private record DeadLetter(
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      int originalPartition,
      String original,
      ProducerRecord<byte[], byte[]> sent) {
    String coordinates() {
      return topic + "/" + partition + "@" + offset;
    }
  }

  /** The request as a business service sent it, then its dead letter, as the worker writes it. */
  private static DeadLetter deadLetterOfRequest(String requestId, DeadLetterReason reason)
      throws Exception {
    byte[] value = requestJson(requestId);
    return publishDeadLetter(
        Topics.REQUESTS,
        requestId,
        value,
        reason,
        "Alipay answered 40002 isv.invalid-signature for cert_no " + MASKED_NO);
  }

  private static DeadLetter deadLetterOfQuery(Verification v) throws Exception {
    VerificationQuery query =
        VerificationQuery.of(
            UUID.randomUUID(), v.id(), "default", "cid-1", QueryReason.LADDER, Instant.now());
    return publishDeadLetter(
        Topics.QUERIES,
        v.id().toString(),
        JSON.writeValueAsBytes(query),
        DeadLetterReason.RETRIES_EXHAUSTED,
        "HTTP 502 from the gateway");
  }

  private static byte[] requestJson(String requestId) {
    ObjectNode json = JSON.createObjectNode();
    json.put("schema_version", 1);
    json.put("request_id", requestId);
    json.put("client_id", "loan-service");
    json.put("biz_code", "FACE");
    ObjectNode identity = json.putObject("identity");
    identity.put("cert_type", "IDENTITY_CARD");
    identity.put("cert_name", CERT_NAME);
    identity.put("cert_no", CERT_NO);
    json.put("return_url", "https://loan.example/kyc/done");
    return JSON.writeValueAsBytes(json);
  }

  private static DeadLetter publishDeadLetter(
      String mainTopic, String key, byte[] value, DeadLetterReason reason, String message)
      throws Exception {
    byte[] keyBytes = key.getBytes(UTF_8);
    ProducerRecord<byte[], byte[]> first = new ProducerRecord<>(mainTopic, keyBytes, value);
    first
        .headers()
        .add(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(UTF_8));
    RecordMetadata consumed = producer.send(first).get();
    String dlt = mainTopic + Topics.DLT_SUFFIX;
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(dlt, consumed.partition(), keyBytes, value);
    first.headers().forEach(h -> letter.headers().add(h));
    Instant failedAt = Instant.now();
    add(letter, DeadLetterHeaders.REASON, reason.code());
    add(letter, DeadLetterHeaders.ORIGINAL_TOPIC, mainTopic);
    add(letter, DeadLetterHeaders.ORIGINAL_PARTITION, "" + consumed.partition());
    add(letter, DeadLetterHeaders.ORIGINAL_OFFSET, "" + consumed.offset());
    add(letter, DeadLetterHeaders.ATTEMPTS, "12");
    add(letter, DeadLetterHeaders.FIRST_FAILURE_AT, failedAt.minusSeconds(60).toString());
    add(letter, DeadLetterHeaders.LAST_FAILURE_AT, failedAt.toString());
    add(letter, DeadLetterHeaders.ERROR_MESSAGE, message);
    RecordMetadata landed = producer.send(letter).get();
    return new DeadLetter(
        dlt,
        landed.partition(),
        landed.offset(),
        keyBytes,
        value,
        consumed.partition(),
        mainTopic + "/" + consumed.partition() + "@" + consumed.offset(),
        letter);
  }

  private static DeadLetter publishWithoutOriginalTopic(String key) throws Exception {
    byte[] value = new byte[] {(byte) 0xC3, 0x28};
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(Topics.REQUESTS_DLT, key.getBytes(UTF_8), value);
    add(letter, DeadLetterHeaders.REASON, DeadLetterReason.NOT_UTF8.code());
    RecordMetadata landed = producer.send(letter).get();
    return new DeadLetter(
        Topics.REQUESTS_DLT,
        landed.partition(),
        landed.offset(),
        letter.key(),
        value,
        -1,
        null,
        letter);
  }

  private static void add(ProducerRecord<byte[], byte[]> record, String key, String value) {
    record.headers().add(key, value.getBytes(UTF_8));
  }

  // --- reading the main topic back ---

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static long endOffset(TopicPartition tp) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      return consumer.endOffsets(List.of(tp)).get(tp);
    }
  }

  private static ConsumerRecord<byte[], byte[]> recordAt(TopicPartition tp, long offset) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumer.assign(List.of(tp));
      consumer.seek(tp, offset);
      for (int polls = 0; polls < 100; polls++) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() == offset) {
            return record;
          }
        }
      }
      throw new AssertionError("no record at " + tp + "@" + offset);
    }
  }

  private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
    return new String(record.headers().lastHeader(header).value(), UTF_8);
  }

  private static String text(ProducerRecord<byte[], byte[]> record, String header) {
    return new String(record.headers().lastHeader(header).value(), UTF_8);
  }

  // --- running the command in-process ---

  private record Run(int code, String out, String err) {
    String line(String containing) {
      return out.lines()
          .filter(line -> line.contains(containing))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + out));
    }

    void assertNoIdentity() {
      assertThat(out + err)
          .doesNotContain(CERT_NAME)
          .doesNotContain(CERT_NO)
          .doesNotContain(CERT_NO.substring(6, 14)); // not even the birth date
    }
  }

  private static Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers", TestKafka.bootstrapServers(),
            "--jdbc-url", db.jdbcUrl(),
            "--db-user", db.user(),
            "--db-password", db.password()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FacecheckOps.commandLine(new OpsContext(Map.of(), CLOCK));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }
}
