package io.facecheck.worker.deadletter;

import io.facecheck.contracts.DeadLetterReason;
import java.time.Instant;
import java.util.Objects;

/**
 * A record on its way to a dead-letter topic: the original record, why, how often it was tried and
 * when it failed. {@code message} must already be PII-masked ({@link PiiMask}).
 */
public record DeadLetter(
    String deadLetterTopic,
    OriginalRecord original,
    DeadLetterReason reason,
    String message,
    int attempts,
    Instant firstFailureAt,
    Instant lastFailureAt) {

  public DeadLetter {
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(firstFailureAt, "firstFailureAt");
    lastFailureAt = lastFailureAt == null ? firstFailureAt : lastFailureAt;
    attempts = Math.max(1, attempts);
    message = message == null ? "" : message;
  }

  /** A record that failed once, at {@code at}, and will not be tried again. */
  public static DeadLetter once(
      String topic, OriginalRecord original, DeadLetterReason reason, String message, Instant at) {
    return new DeadLetter(topic, original, reason, message, 1, at, at);
  }
}
