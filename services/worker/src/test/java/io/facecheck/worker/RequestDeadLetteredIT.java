package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.worker.support.RequestJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * Records the worker cannot or must not process go to verification-requests.dlt with their reason,
 * while the requests around them complete.
 */
class RequestDeadLetteredIT extends LiveWorker {

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
        requestDeadLetters.awaitMatching(r -> key(r).startsWith(run), 5, WAIT)) {
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
        requestDeadLetters.awaitMatching(r -> key(r).equals(requestId), 1, WAIT);
    assertThat(letters).hasSize(1);
    assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).isEqualTo("IDEMPOTENCY_CONFLICT");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM verifications WHERE request_id = ?", Long.class, requestId))
        .isEqualTo(1);
    assertNoPiiLogged(output);
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
        requestDeadLetters.awaitMatching(r -> key(r).equals(requestId), 1, WAIT);
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
}
