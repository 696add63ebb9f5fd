package io.facecheck.ops.deadletter;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.ops.masking.KnownIdentity;
import io.facecheck.statemachine.Verification;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code dlt list}: only fields safe to show. Everything taken from the record is
 * scrubbed of the identity its value carries and of anything shaped like a resident ID number.
 */
public record DeadLetterRow(
    String dltTopic,
    int dltPartition,
    long dltOffset,
    Instant deadLetteredAt,
    String reason,
    String originalTopic,
    String originalPartition,
    String originalOffset,
    String attempts,
    String firstFailureAt,
    String lastFailureAt,
    String key,
    String clientId,
    String requestId,
    String bizCode,
    String verificationId,
    String status,
    String errorMessage) {

  public static DeadLetterRow of(
      DeadLetterRecord record, RecordValue value, Optional<Verification> verification) {
    KnownIdentity identity = value.identity();
    return new DeadLetterRow(
        record.topic(),
        record.partition(),
        record.offset(),
        record.timestamp(),
        header(record, DeadLetterHeaders.REASON, identity),
        header(record, DeadLetterHeaders.ORIGINAL_TOPIC, identity),
        header(record, DeadLetterHeaders.ORIGINAL_PARTITION, identity),
        header(record, DeadLetterHeaders.ORIGINAL_OFFSET, identity),
        header(record, DeadLetterHeaders.ATTEMPTS, identity),
        header(record, DeadLetterHeaders.FIRST_FAILURE_AT, identity),
        header(record, DeadLetterHeaders.LAST_FAILURE_AT, identity),
        ShownBytes.of(record.key(), identity),
        value.field("client_id"),
        value.field("request_id"),
        value.field("biz_code"),
        verification.map(v -> v.id().toString()).orElse(null),
        verification.map(v -> v.status().name()).orElse(null),
        header(record, DeadLetterHeaders.ERROR_MESSAGE, identity));
  }

  private static String header(DeadLetterRecord record, String name, KnownIdentity identity) {
    return record.header(name).map(identity::scrub).orElse(null);
  }
}
