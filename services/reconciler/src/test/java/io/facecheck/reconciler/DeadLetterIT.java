package io.facecheck.reconciler;

import static io.facecheck.testinfra.WholeTopicReader.header;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.reconciler.deadletter.kafka.FailureHistory;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.WholeTopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing the reconciler cannot handle is discarded. Unreadable records and unknown schema versions
 * go to their own dead-letter topic with a reason, at once; a write PostgreSQL refuses goes there
 * as UNSTORABLE; the records after a bad one are not held up; a database outage pauses the
 * partition instead of dead-lettering what it holds.
 */
class DeadLetterIT {

  private static final String GROUP = "reconciler-dead-letters";

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static ConfigurableApplicationContext reconciler;
  private static ReconcilerProbe probe;
  private static WholeTopicReader callbackLetters;
  private static WholeTopicReader resultLetters;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    reconciler =
        ReconcilerInstances.start(
            db.database,
            clock,
            GROUP,
            "dead-letters",
            // a pool that gives up on an unreachable database in a second, not 10
            Map.of("spring.datasource.hikari.connection-timeout", "1000"));
    probe = new ReconcilerProbe(GROUP, clock, db);
    // the reconciler created its dead-letter topics at start
    callbackLetters = new WholeTopicReader(Topics.CALLBACKS_DLT);
    resultLetters = new WholeTopicReader(Topics.QUERY_RESULTS_DLT);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reconciler.close();
    probe.close();
    callbackLetters.close();
    resultLetters.close();
  }

  @Test
  void deadLettersBadCallbacksWithTheirReasonAndHandlesTheRecordsAfterThem() {
    Verification before = db.awaitingUser();
    Verification after = db.awaitingUser();
    String key = "hostile-" + UUID.randomUUID();

    probe.sendRaw(Topics.CALLBACKS, 0, before.id().toString(), callback(before, 1));
    RecordMetadata notJson = probe.sendRaw(Topics.CALLBACKS, 0, key, bytes("{not json"));
    RecordMetadata array = probe.sendRaw(Topics.CALLBACKS, 0, key, bytes("[1,2]"));
    RecordMetadata notUtf8 =
        probe.sendRaw(Topics.CALLBACKS, 0, key, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    RecordMetadata empty = probe.sendRaw(Topics.CALLBACKS, 0, null, new byte[0]);
    byte[] v2 = callback(after, 2);
    RecordMetadata version2 = probe.sendRaw(Topics.CALLBACKS, 0, after.id().toString(), v2);
    RecordMetadata last =
        probe.sendRaw(Topics.CALLBACKS, 0, after.id().toString(), callback(after, 1));

    probe.awaitConsumed(last);
    probe.awaitReturnQuery(before.id());
    probe.awaitReturnQuery(after.id());
    assertLetter(callbackLetters, notJson, "INVALID_JSON", key);
    assertLetter(callbackLetters, array, "NOT_AN_OBJECT", key);
    assertLetter(callbackLetters, notUtf8, "NOT_UTF8", key);
    assertLetter(callbackLetters, empty, "NOT_AN_OBJECT", null);
    ConsumerRecord<byte[], byte[]> unknown =
        assertLetter(callbackLetters, version2, "UNKNOWN_SCHEMA_VERSION", after.id().toString());
    // the original value, unchanged, for facecheck-ops to replay to the topic in the header
    assertThat(unknown.value()).isEqualTo(v2);
    assertThat(header(unknown, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.CALLBACKS);
    assertThat(header(unknown, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
    assertThat(header(unknown, DeadLetterHeaders.ERROR_MESSAGE)).contains("schema_version 2");
  }

  @Test
  void neverReadsAQueryResultOfAnUnknownSchemaVersionAsVersionOne() {
    Verification v = db.awaitingUser();
    String passedV2 =
        ("{\"schema_version\":2,\"query_id\":\"%s\",\"verification_id\":\"%s\","
                + "\"certify_id\":\"%s\",\"reason\":\"LADDER\",\"outcome\":\"PASSED\","
                + "\"fail_reason\":null,\"queried_at\":\"%s\"}")
            .formatted(UUID.randomUUID(), v.id(), v.certifyId(), clock.instant());

    RecordMetadata sent =
        probe.sendRaw(Topics.QUERY_RESULTS, 0, v.id().toString(), bytes(passedV2));

    probe.awaitConsumed(sent);
    assertLetter(resultLetters, sent, "UNKNOWN_SCHEMA_VERSION", v.id().toString());
    assertThat(db.find(v.id()).status())
        .isEqualTo(io.facecheck.statemachine.VerificationStatus.AWAITING_USER);
  }

  @Test
  void deadLettersAsUnstorableWhatPostgresRefusesEveryTime() {
    Verification refused = db.awaitingUser();
    Verification next = db.awaitingUser();
    // PostgreSQL itself refuses every timeline row of this verification (SQLState 23514)
    JdbcClient.create(db.dataSource)
        .sql(
            "ALTER TABLE verification_transitions ADD CONSTRAINT it_refuses_one"
                + " CHECK (verification_id <> '"
                + refused.id()
                + "') NOT VALID")
        .update();

    RecordMetadata bad =
        probe.sendRaw(Topics.CALLBACKS, 0, refused.id().toString(), callback(refused, 1));
    RecordMetadata good =
        probe.sendRaw(Topics.CALLBACKS, 0, next.id().toString(), callback(next, 1));

    probe.awaitConsumed(good);
    probe.awaitReturnQuery(next.id());
    ConsumerRecord<byte[], byte[]> letter =
        assertLetter(callbackLetters, bad, "UNSTORABLE", refused.id().toString());
    assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("it_refuses_one");
    assertThat(db.find(refused.id()).userReturnedAt()).isNull();
  }

  @Test
  void waitsForTheDatabaseThroughAnOutageInsteadOfDeadLetteringWhatItHolds() {
    Verification v = db.awaitingUser();
    FailureHistory history = reconciler.getBean(FailureHistory.class);
    Instant returnedAt = clock.instant();

    DatabaseOutage.begin(db.database);
    RecordMetadata sent;
    try {
      sent = probe.sendRaw(Topics.CALLBACKS, 0, v.id().toString(), callback(v, 1));
      // tried, failed, and tried again: the partition waits on this record
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> history.attempts(sent.topic(), sent.partition(), sent.offset()) >= 3);
    } finally {
      DatabaseOutage.end(db.database);
    }

    probe.awaitConsumed(sent);
    probe.awaitReturnQuery(v.id());
    assertThat(db.find(v.id()).userReturnedAt()).isEqualTo(returnedAt);
    assertThat(
            callbackLetters.readToEnd(
                r -> r.offset() >= 0 && v.id().toString().equals(WholeTopicReader.key(r))))
        .isEmpty();
  }

  private static ConsumerRecord<byte[], byte[]> assertLetter(
      WholeTopicReader letters, RecordMetadata original, String reason, String key) {
    List<ConsumerRecord<byte[], byte[]>> found =
        letters.awaitMatching(
            r ->
                String.valueOf(original.offset())
                        .equals(header(r, DeadLetterHeaders.ORIGINAL_OFFSET))
                    && String.valueOf(original.partition())
                        .equals(header(r, DeadLetterHeaders.ORIGINAL_PARTITION))
                    && original.topic().equals(header(r, DeadLetterHeaders.ORIGINAL_TOPIC)),
            1);
    assertThat(found).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = found.get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(reason);
    assertThat(WholeTopicReader.key(letter)).isEqualTo(key);
    assertThat(header(letter, DeadLetterHeaders.FIRST_FAILURE_AT)).isNotBlank();
    assertThat(header(letter, DeadLetterHeaders.LAST_FAILURE_AT)).isNotBlank();
    return letter;
  }

  private static byte[] callback(Verification v, int schemaVersion) {
    VerificationCallback callback =
        new VerificationCallback(schemaVersion, UUID.randomUUID(), v.id(), clock.instant());
    return PayloadJson.mapper().writeValueAsBytes(callback);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
