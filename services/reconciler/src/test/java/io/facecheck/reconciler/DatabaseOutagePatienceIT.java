package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.WholeTopicReader;
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

/**
 * A record the reconciler cannot handle for longer than it is willing to wait is never skipped: it
 * goes to its dead-letter topic as RETRIES_EXHAUSTED, and a replay of that letter to the topic in
 * its facecheck-original-topic header (what facecheck-ops does) is handled.
 */
class DatabaseOutagePatienceIT {

  private static final String GROUP = "reconciler-patience";

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static ConfigurableApplicationContext reconciler;
  private static ReconcilerProbe probe;
  private static WholeTopicReader callbackLetters;

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
            "patience",
            Map.of(
                "spring.datasource.hikari.connection-timeout", "500",
                "facecheck.reconciler.database-outage-patience", "3s"));
    probe = new ReconcilerProbe(GROUP, clock, db);
    callbackLetters = new WholeTopicReader(Topics.CALLBACKS_DLT);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reconciler.close();
    probe.close();
    callbackLetters.close();
  }

  @Test
  void deadLettersARecordThatOutlastsThePatienceAndHandlesItsReplay() {
    Verification v = db.awaitingUser();
    Instant returnedAt = clock.instant();
    byte[] value =
        PayloadJson.mapper()
            .writeValueAsBytes(VerificationCallback.of(UUID.randomUUID(), v.id(), returnedAt));

    RecordMetadata sent;
    ConsumerRecord<byte[], byte[]> letter;
    DatabaseOutage.begin(db.database);
    try {
      sent = probe.sendRaw(Topics.CALLBACKS, 0, v.id().toString(), value);
      letter = awaitLetterOf(sent);
    } finally {
      DatabaseOutage.end(db.database);
    }

    assertThat(WholeTopicReader.header(letter, DeadLetterHeaders.REASON))
        .isEqualTo("RETRIES_EXHAUSTED");
    assertThat(Integer.parseInt(WholeTopicReader.header(letter, DeadLetterHeaders.ATTEMPTS)))
        .isGreaterThan(1);
    assertThat(WholeTopicReader.key(letter)).isEqualTo(v.id().toString());
    assertThat(letter.value()).isEqualTo(value);
    probe.awaitConsumed(sent);

    // facecheck-ops: the letter's key and value back to the topic it names
    String target = WholeTopicReader.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC);
    probe.sendRaw(target, 0, WholeTopicReader.key(letter), letter.value());

    probe.awaitReturnQuery(v.id());
    assertThat(db.find(v.id()).userReturnedAt()).isEqualTo(returnedAt);
  }

  private static ConsumerRecord<byte[], byte[]> awaitLetterOf(RecordMetadata sent) {
    List<ConsumerRecord<byte[], byte[]>> found =
        callbackLetters.awaitMatching(
            r ->
                String.valueOf(sent.offset())
                        .equals(WholeTopicReader.header(r, DeadLetterHeaders.ORIGINAL_OFFSET))
                    && String.valueOf(sent.partition())
                        .equals(WholeTopicReader.header(r, DeadLetterHeaders.ORIGINAL_PARTITION)),
            1);
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
