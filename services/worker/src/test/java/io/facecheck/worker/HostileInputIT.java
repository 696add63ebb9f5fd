package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.worker.support.HostileRecords;
import io.facecheck.worker.support.HostileRecords.Accepted;
import io.facecheck.worker.support.HostileRecords.DeadLettered;
import io.facecheck.worker.support.HostileRecords.Hostile;
import io.facecheck.worker.support.HostileRecords.Rejected;
import io.facecheck.worker.support.RequestJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The hostile-input corpus on the Kafka door ({@link HostileRecords}), all on one partition with a
 * valid request behind it: each record ends in exactly one outcome, read back from PostgreSQL and
 * the dead-letter topic, and the valid request behind them completes.
 */
class HostileInputIT extends LiveWorker {

  private static final int PARTITION = 2;

  @Test
  void everyHostileRecordEndsInExactlyOneOutcomeAndTheValidOneBehindCompletes(CapturedOutput out) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Hostile> corpus = new HostileRecords(CLIENT, run).build(name(), certNo());
    for (Hostile hostile : corpus) {
      producer.sendTo(
          Topics.REQUESTS, PARTITION, hostile.key(), hostile.value(), hostile.headers());
    }
    String valid = "valid-behind-" + run;
    producer.sendTo(
        Topics.REQUESTS,
        PARTITION,
        valid.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        RequestJson.request(CLIENT, valid, name(), certNo()),
        Map.of());

    awaitStatus(valid, "AWAITING_USER");

    SoftAssertions soft = new SoftAssertions();
    for (Hostile hostile : corpus) {
      if (hostile.outcome() instanceof DeadLettered dead) {
        List<ConsumerRecord<byte[], byte[]>> letters =
            requestDeadLetters.awaitMatching(r -> belongsTo(r, hostile), 1, WAIT);
        soft.assertThat(letters).as(hostile.name()).hasSize(1);
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
          soft.assertThat(header(letter, DeadLetterHeaders.REASON))
              .as(hostile.name())
              .isEqualTo(dead.reason());
          soft.assertThat(header(letter, "facecheck-truncated"))
              .as(hostile.name() + " summarized")
              .isEqualTo(dead.truncated() ? "true" : null);
        }
        soft.assertThat(statusOf(hostile)).as(hostile.name() + " stored").isNull();
      } else {
        String expected = hostile.outcome() instanceof Rejected ? "REJECTED" : "AWAITING_USER";
        awaitStored(hostile);
        soft.assertThat(statusOf(hostile)).as(hostile.name()).isEqualTo(expected);
        if (hostile.outcome() instanceof Rejected rejected) {
          soft.assertThat(row(hostile).get("error_field"))
              .as(hostile.name() + " field")
              .asString()
              .startsWith(rejected.field());
        }
      }
    }
    // nothing more: no record of the corpus left a second dead letter, or one besides its row
    for (Hostile hostile : corpus) {
      int letters = requestDeadLetters.readToEnd(r -> belongsTo(r, hostile)).size();
      soft.assertThat(letters)
          .as(hostile.name() + " dead letters")
          .isEqualTo(hostile.outcome() instanceof DeadLettered ? 1 : 0);
    }
    soft.assertAll();
    assertThat(corpus.stream().filter(h -> h.outcome() instanceof Accepted)).isNotEmpty();
    assertNoPiiLogged(out);
  }

  private void awaitStored(Hostile hostile) {
    try {
      await().atMost(WAIT).until(() -> statusOf(hostile) != null);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // reported by the assertion that follows, with the others
    }
  }

  private String statusOf(Hostile hostile) {
    return jdbc
        .queryForList(
            "SELECT status FROM verifications WHERE client_id = ? AND request_id = ?",
            String.class,
            CLIENT,
            hostile.id())
        .stream()
        .findFirst()
        .orElse(null);
  }

  private Map<String, Object> row(Hostile hostile) {
    return jdbc.queryForMap(
        "SELECT * FROM verifications WHERE client_id = ? AND request_id = ?", CLIENT, hostile.id());
  }

  private static boolean belongsTo(ConsumerRecord<byte[], byte[]> letter, Hostile hostile) {
    String corpusId = header(letter, HostileRecords.CORPUS_ID);
    return hostile.id().equals(corpusId)
        || (hostile.key() != null && key(letter).equals(hostile.id()));
  }
}
