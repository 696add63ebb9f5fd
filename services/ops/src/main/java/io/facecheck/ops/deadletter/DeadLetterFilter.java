package io.facecheck.ops.deadletter;

import java.time.Instant;

/**
 * Which dead letters a command looks at: those with the given reason code (any when null),
 * dead-lettered at or after {@code since} (any time when null; the record's Kafka timestamp, which
 * the worker's producer sets when it dead-letters).
 */
public record DeadLetterFilter(String reason, Instant since) {

  public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null);

  public boolean matches(DeadLetterRecord record) {
    if (reason != null && !reason.equals(record.reason())) {
      return false;
    }
    return since == null || !record.timestamp().isBefore(since);
  }
}
