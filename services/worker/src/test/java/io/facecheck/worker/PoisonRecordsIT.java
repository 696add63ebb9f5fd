package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.pii.PiiCipher;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.support.PreparedVerifications;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * A record that fails the same way every time is dead-lettered with its reason, and the records
 * behind it on its partition (same key, so same partition and order) complete; finished neighbours
 * are not redone (Alipay is called once per valid request).
 */
class PoisonRecordsIT extends LiveWorker {

  private static final String INITIALIZE = "alipay.user.certify.open.initialize";

  @Autowired RequestParser parser;
  @Autowired PiiCipher cipher;
  @Autowired VerificationStore store;

  @Test
  void aRecordPostgresRefusesIsDeadLetteredUnstorableAndThePartitionMovesOn(CapturedOutput out) {
    // a deterministic refusal: PostgreSQL rejects this request's insert every time (SQLState
    // 23514), as it would a value jsonb cannot hold
    jdbc.execute(
        "ALTER TABLE verifications ADD CONSTRAINT it_poison"
            + " CHECK (request_id NOT LIKE 'poison-%') NOT VALID");
    try {
      String key = "same-partition-" + UUID.randomUUID();
      String first = "first-" + UUID.randomUUID();
      String poison = "poison-" + UUID.randomUUID();
      String after = "after-" + UUID.randomUUID();
      long calls = initializeCalls();

      producer.send(Topics.REQUESTS, key, RequestJson.request(CLIENT, first, name(), certNo()));
      producer.send(Topics.REQUESTS, key, RequestJson.request(CLIENT, poison, name(), certNo()));
      producer.send(Topics.REQUESTS, key, RequestJson.request(CLIENT, after, name(), certNo()));
      producer.flush();

      awaitStatus(first, "AWAITING_USER");
      awaitStatus(after, "AWAITING_USER");
      ConsumerRecord<byte[], byte[]> letter =
          requestDeadLetters.awaitMatching(r -> key(r).equals(key), 1, WAIT).get(0);
      assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("UNSTORABLE");
      assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE))
          .contains("23514")
          .contains("it_poison")
          .doesNotContain("Failing row");
      assertThat(new String(letter.value(), UTF_8)).contains(poison); // the exact record
      assertThat(
              jdbc.queryForObject(
                  "SELECT count(*) FROM verifications WHERE request_id = ?", Long.class, poison))
          .isZero();
      assertThat(initializeCalls() - calls).isEqualTo(2); // first and after, once each
      assertThat(requestDeadLetters.readToEnd(r -> key(r).equals(key), Duration.ofSeconds(30)))
          .hasSize(1);
    } finally {
      jdbc.execute("ALTER TABLE verifications DROP CONSTRAINT it_poison");
    }
    assertNoPiiLogged(out);
  }

  @Test
  void aNulCharacterInMetadataIsRejectedNamingTheFieldNotStalled(CapturedOutput out) {
    String requestId = "nul-" + UUID.randomUUID();
    String json =
        new String(RequestJson.request(CLIENT, requestId, name(), certNo()), UTF_8)
            .replace("\"order\":\"42\"", "\"order\":\"a\\u0000b\"");
    producer.send(Topics.REQUESTS, requestId, json.getBytes(UTF_8));
    producer.flush();

    Map<String, Object> row = awaitStatus(requestId, "REJECTED");
    assertThat(row.get("error_field")).isEqualTo("/metadata/order");
    assertNoPiiLogged(out);
  }

  @Test
  void aDeadLetterTooLargeToPublishIsSummarizedAndThePartitionMovesOn(CapturedOutput out) {
    String key = "huge-" + UUID.randomUUID();
    String after = "after-huge-" + UUID.randomUUID();
    // as large as the producer sends (max.request.size 1 MiB): the dead letter's diagnostic
    // headers make its copy too large to publish
    byte[] huge = new byte[1_048_576 - 400];
    java.util.Arrays.fill(huge, (byte) 'a');
    long calls = initializeCalls();

    producer.sendNow(Topics.REQUESTS, key, huge);
    producer.send(Topics.REQUESTS, key, RequestJson.request(CLIENT, after, name(), certNo()));
    producer.flush();

    awaitStatus(after, "AWAITING_USER");
    List<ConsumerRecord<byte[], byte[]>> letters =
        requestDeadLetters.awaitMatching(r -> key(r).equals(key), 1, WAIT);
    assertThat(letters).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("TOO_LARGE");
    assertThat(header(letter, "facecheck-truncated")).isEqualTo("true");
    assertThat(header(letter, "facecheck-original-size")).isEqualTo(String.valueOf(huge.length));
    assertThat(header(letter, "facecheck-original-hash")).isEqualTo(parser.rawHash(huge));
    assertThat(letter.value().length).isLessThan(1024);
    assertThat(initializeCalls() - calls).isEqualTo(1);
    assertNoPiiLogged(out);
  }

  @Test
  void anInitializingVerificationWhoseAppIsNoLongerConfiguredIsDeadLetteredProviderConfig(
      CapturedOutput out) {
    String requestId = "retired-app-" + UUID.randomUUID();
    String after = "after-retired-" + UUID.randomUUID();
    byte[] record = RequestJson.request(CLIENT, requestId, name(), certNo(), "retired");
    // INITIALIZING under an app that a later deployment dropped from the configuration
    Verification initializing =
        new PreparedVerifications(parser, cipher, store).initializing(record);
    long calls = initializeCalls();

    producer.send(Topics.REQUESTS, requestId, record);
    producer.send(Topics.REQUESTS, requestId, RequestJson.request(CLIENT, after, name(), certNo()));
    producer.flush();

    awaitStatus(after, "AWAITING_USER");
    Map<String, Object> row = awaitStatus(requestId, "DEAD_LETTERED");
    assertThat(row.get("id")).isEqualTo(initializing.id());
    assertThat(row.get("dead_letter_reason")).isEqualTo("PROVIDER_CONFIG");
    ConsumerRecord<byte[], byte[]> letter =
        requestDeadLetters.awaitMatching(r -> key(r).equals(requestId), 1, WAIT).get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("PROVIDER_CONFIG");
    assertThat(header(letter, DeadLetterHeaders.ERROR_MESSAGE)).contains("retired");
    assertThat(initializeCalls() - calls).isEqualTo(1); // only the request behind it
    assertNoPiiLogged(out);
  }

  private static long initializeCalls() {
    return SimulatedAlipay.simulator().stats().total(INITIALIZE);
  }
}
