package io.facecheck.reconciler.deadletter;

import io.facecheck.contracts.DeadLetterReason;
import java.util.Objects;

/**
 * What a failure means: how to handle it, and the reason its dead letter carries. For the failures
 * that are retried first, the reason is {@link DeadLetterReason#RETRIES_EXHAUSTED}.
 */
public record FailureVerdict(FailureHandling handling, DeadLetterReason reason) {

  public FailureVerdict {
    Objects.requireNonNull(handling, "handling");
    Objects.requireNonNull(reason, "reason");
  }

  static FailureVerdict deadLetterNow(DeadLetterReason reason) {
    return new FailureVerdict(FailureHandling.DEAD_LETTER_NOW, reason);
  }

  static FailureVerdict retried(FailureHandling handling) {
    return new FailureVerdict(handling, DeadLetterReason.RETRIES_EXHAUSTED);
  }
}
