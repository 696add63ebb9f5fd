package io.facecheck.reconciler.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayloadReaderTest {

  private static final UUID ID = UUID.fromString("0b6e0b6e-0000-4000-8000-000000000001");
  private static final String CALLBACK =
      "{\"schema_version\":%s,\"callback_id\":\"0b6e0b6e-0000-4000-8000-000000000002\","
          + "\"verification_id\":\"0b6e0b6e-0000-4000-8000-000000000001\","
          + "\"received_at\":\"2026-11-26T10:00:00Z\"}";

  private final PayloadReader<VerificationCallback> callbacks = PayloadReader.callbacks();

  @Test
  void readsAVersionOneCallback() {
    VerificationCallback callback = callbacks.read(bytes(CALLBACK.formatted(1)));
    assertThat(callback.verificationId()).isEqualTo(ID);
    assertThat(callback.receivedAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
  }

  @Test
  void readsAVersionOneQueryResultAsTheWorkerWritesIt() {
    VerificationQueryResult written =
        new VerificationQueryResult(
            1,
            UUID.randomUUID(),
            ID,
            "cid-1",
            QueryReason.FINAL,
            QueryOutcome.NOT_PASSED,
            "FACE_MISMATCH",
            Instant.parse("2026-11-26T10:00:00.123Z"));
    byte[] value = PayloadJson.mapper().writeValueAsBytes(written);
    assertThat(PayloadReader.queryResults().read(value)).isEqualTo(written);
  }

  @ParameterizedTest
  @CsvSource({"2", "0", "-1", "99999999999"})
  void refusesAnUnknownSchemaVersionInsteadOfReadingItAsVersionOne(String version) {
    assertRefused(CALLBACK.formatted(version), DeadLetterReason.UNKNOWN_SCHEMA_VERSION);
  }

  @Test
  void refusesAQueryResultOfAnUnknownSchemaVersion() {
    String v2 =
        "{\"schema_version\":2,\"query_id\":\"0b6e0b6e-0000-4000-8000-000000000003\","
            + "\"verification_id\":\"0b6e0b6e-0000-4000-8000-000000000001\","
            + "\"certify_id\":\"cid\",\"reason\":\"FINAL\",\"outcome\":\"PASSED\","
            + "\"fail_reason\":null,\"queried_at\":\"2026-11-26T10:00:00Z\"}";
    assertThatThrownBy(() -> PayloadReader.queryResults().read(bytes(v2)))
        .isInstanceOfSatisfying(
            UnreadableRecordException.class,
            e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_VERSION));
  }

  @Test
  void refusesAMissingOrNonIntegerSchemaVersionAsInvalid() {
    assertRefused(CALLBACK.formatted("\"1\""), DeadLetterReason.INVALID_JSON);
    assertRefused(CALLBACK.formatted("1.5"), DeadLetterReason.INVALID_JSON);
    assertRefused("{\"callback_id\":\"x\"}", DeadLetterReason.INVALID_JSON);
  }

  @Test
  void namesTheFieldThatBreaksTheContract() {
    String noId = CALLBACK.formatted(1).replace("\"verification_id\"", "\"verification\"");
    assertThatThrownBy(() -> callbacks.read(bytes(noId)))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("VerificationCallback");
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    for (String value : new String[] {"[]", "42", "\"text\"", "null", "  "}) {
      assertRefused(value, DeadLetterReason.NOT_AN_OBJECT);
    }
    assertThatThrownBy(() -> callbacks.read(new byte[0]))
        .isInstanceOfSatisfying(
            UnreadableRecordException.class,
            e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_AN_OBJECT));
    assertThatThrownBy(() -> callbacks.read(null)).isInstanceOf(UnreadableRecordException.class);
  }

  @Test
  void refusesInvalidJsonAndDuplicateKeys() {
    assertRefused("{not json", DeadLetterReason.INVALID_JSON);
    assertRefused(
        CALLBACK.formatted(1).replace("{", "{\"schema_version\":1,"),
        DeadLetterReason.INVALID_JSON);
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] value = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    assertThatThrownBy(() -> callbacks.read(value))
        .isInstanceOfSatisfying(
            UnreadableRecordException.class,
            e -> assertThat(e.reason()).isEqualTo(DeadLetterReason.NOT_UTF8));
  }

  @Test
  void refusesAValueLargerThan64KiB() {
    String padded = " ".repeat(PayloadReader.MAX_BYTES) + CALLBACK.formatted(1);
    assertRefused(padded, DeadLetterReason.TOO_LARGE);
  }

  private void assertRefused(String value, DeadLetterReason reason) {
    assertThatThrownBy(() -> callbacks.read(bytes(value)))
        .as(value)
        .isInstanceOfSatisfying(
            UnreadableRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] bytes(String value) {
    return value.getBytes(UTF_8);
  }
}
