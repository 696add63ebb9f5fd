package io.facecheck.ops;

import static io.facecheck.ops.StoredVerifications.CLIENT_ID;
import static io.facecheck.ops.StoredVerifications.MASKED_NO;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.WorkerDeadLetters.Letter;
import io.facecheck.ops.deadletter.kafka.ReplayPublisher;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands in-process against a real Kafka broker and a real PostgreSQL: verifications made
 * through the state machine's store and transitions, dead letters with the headers the worker
 * writes. Each test uses its own request ids, so the shared dead-letter topics may hold others'.
 */
class OpsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static StoredVerifications verifications;
  private static WorkerDeadLetters deadLetters;
  private static InProcessOps ops;

  @BeforeAll
  static void start() throws Exception {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    WorkerDeadLetters.createTopics();
    deadLetters = new WorkerDeadLetters();
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    deadLetters.close();
  }

  @Test
  void listShowsOneMaskedRowPerDeadLetterAndNoIdentityAnywhere() throws Exception {
    String requestId = "list-" + UUID.randomUUID();
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    Letter letter = deadLetters.ofRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);
    String broken =
        "{\"request_id\":\""
            + requestId
            + "-b\",\"identity\":{\"cert_name\":\""
            + StoredVerifications.CERT_NAME
            + "\",\"cert_no\":\""
            + StoredVerifications.CERT_NO
            + "\"";
    Letter unparseable =
        deadLetters.publish(
            Topics.REQUESTS,
            requestId + "-b",
            broken.getBytes(UTF_8),
            DeadLetterReason.INVALID_JSON,
            "value is not valid JSON: Unexpected end-of-input");
    Verification waiting = verifications.awaitingUser("list-q-" + UUID.randomUUID());
    Letter query = deadLetters.ofQuery(waiting);

    Run run = ops.run("dlt", "list", "--limit", "100000");

    assertThat(run.code()).isZero();
    assertThat(run.line(letter.coordinates()))
        .contains("PROVIDER_CONFIG")
        .contains(letter.original())
        .contains(CLIENT_ID + ":" + requestId)
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
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.RETRIES_EXHAUSTED);
    Letter letter = deadLetters.ofRequest(requestId, DeadLetterReason.RETRIES_EXHAUSTED);

    Run run =
        ops.run(
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
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    Letter letter = deadLetters.ofRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);

    Run run = ops.run("dlt", "show", letter.topic(), "" + letter.partition(), "" + letter.offset());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("record        " + letter.coordinates())
        .contains("traceparent")
        .contains(WorkerDeadLetters.TRACEPARENT)
        .containsPattern(DeadLetterHeaders.REASON + " +PROVIDER_CONFIG")
        .containsPattern(DeadLetterHeaders.ORIGINAL_TOPIC + " +verification-requests")
        .containsPattern(DeadLetterHeaders.ORIGINAL_PARTITION + " +" + letter.originalPartition())
        .contains(DeadLetterHeaders.ORIGINAL_OFFSET)
        .containsPattern(DeadLetterHeaders.ATTEMPTS + " +12")
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
    Run run = ops.run("dlt", "show", Topics.REQUESTS_DLT, "0", "999999999");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).contains("no record at verification-requests-dlt/0@999999999");
  }

  @Test
  void replayPublishesTheSameKeyValueAndHeadersToTheOriginalTopic() throws Exception {
    String requestId = "replay-" + UUID.randomUUID();
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    Letter letter = deadLetters.ofRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);
    TopicPartition original = new TopicPartition(Topics.REQUESTS, letter.originalPartition());
    long before = WorkerDeadLetters.endOffset(original);
    String[] coordinates = {letter.topic(), "" + letter.partition(), "" + letter.offset()};

    Run dry = ops.run(concat(new String[] {"dlt", "replay", "--dry-run"}, coordinates));
    assertThat(dry.code()).isZero();
    assertThat(dry.out())
        .contains("would replay  " + letter.coordinates() + " -> " + Topics.REQUESTS)
        .contains(parked.id() + " (DEAD_LETTERED)");
    assertThat(WorkerDeadLetters.endOffset(original)).isEqualTo(before);
    assertThat(verifications.store.replayRequested(parked)).as("a dry run asks nothing").isFalse();

    Run run = ops.run(concat(new String[] {"dlt", "replay"}, coordinates));

    // the resume is asked for in PostgreSQL, for the version that was dead-lettered: the record on
    // the topic alone would resume nothing
    assertThat(verifications.store.replayRequested(parked)).isTrue();
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
    ConsumerRecord<byte[], byte[]> replayed = WorkerDeadLetters.recordAt(original, before);
    assertThat(replayed.key()).isEqualTo(letter.key());
    assertThat(replayed.value()).isEqualTo(letter.value());
    assertThat(WorkerDeadLetters.header(replayed, "traceparent"))
        .isEqualTo(WorkerDeadLetters.TRACEPARENT);
    assertThat(WorkerDeadLetters.header(replayed, ReplayPublisher.REPLAYED_FROM))
        .isEqualTo(letter.coordinates());
    assertThat(replayed.headers().lastHeader(DeadLetterHeaders.REASON)).isNull();
    assertThat(replayed.headers().lastHeader(DeadLetterHeaders.ORIGINAL_OFFSET)).isNull();
    run.assertNoIdentity();
  }

  @Test
  void replayOfAFinalVerificationIsSkippedAndPublishesNothing() throws Exception {
    String requestId = "final-" + UUID.randomUUID();
    Verification rejected = verifications.rejected(requestId);
    Letter letter = deadLetters.ofRequest(requestId, DeadLetterReason.IDEMPOTENCY_CONFLICT);
    TopicPartition original = new TopicPartition(Topics.REQUESTS, letter.originalPartition());
    long before = WorkerDeadLetters.endOffset(original);

    Run run =
        ops.run("dlt", "replay", letter.topic(), "" + letter.partition(), "" + letter.offset());

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.out())
        .contains("skipped       " + letter.coordinates())
        .contains("verification " + rejected.id() + " is already REJECTED");
    assertThat(run.err()).contains("nothing replayed");
    assertThat(WorkerDeadLetters.endOffset(original)).isEqualTo(before);
  }

  @Test
  void replayByReasonPublishesEveryMatchingRecordAndRefusesOnesWithoutAnOriginalTopic()
      throws Exception {
    String requestId = "bulk-" + UUID.randomUUID();
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.NOT_UTF8);
    Letter letter = deadLetters.ofRequest(requestId, DeadLetterReason.NOT_UTF8);
    Letter headless = deadLetters.withoutOriginalTopic(requestId + "-h");

    Run run =
        ops.run("dlt", "replay", "--reason", "not_utf8", "--topic", Topics.REQUESTS_DLT, "--yes");

    assertThat(run.code()).isZero();
    assertThat(run.line(letter.coordinates()))
        .startsWith("replayed")
        .contains(parked.id().toString());
    assertThat(run.line(headless.coordinates()))
        .startsWith("skipped")
        .contains("no facecheck-original-topic header");
    run.assertNoIdentity();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
