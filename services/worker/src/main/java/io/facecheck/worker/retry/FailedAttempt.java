package io.facecheck.worker.retry;

import io.facecheck.worker.deadletter.OriginalRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * A record whose Alipay call did not settle, on its way to a retry topic or the dead letter.
 *
 * @param retryPrefix the main topic's retry prefix, e.g. {@code verification-requests-retry-}
 * @param deadLetterTopic where it goes when it gives up
 * @param attempts Alipay attempts made by this delivery (0 when the breaker refused the call)
 * @param firstFailureAt when this delivery's first attempt failed, or null
 * @param lastFailureAt when this delivery's last attempt failed, or null
 * @param deadline no retry is due after this (the verification's expires_at), or null
 * @param message what went wrong, PII already masked
 */
public record FailedAttempt(
    OriginalRecord record,
    String retryPrefix,
    String deadLetterTopic,
    int attempts,
    Instant firstFailureAt,
    Instant lastFailureAt,
    Instant deadline,
    String message) {

  public FailedAttempt {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(retryPrefix, "retryPrefix");
    Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    message = message == null ? "" : message;
  }
}
