package io.facecheck.reconciler.inbound;

import io.facecheck.contracts.DeadLetterReason;
import java.util.Objects;

/**
 * A record that can never be handled as it is: not UTF-8, not JSON, not an object, too large, an
 * unknown schema_version, or a breach of the contract. It goes to its dead-letter topic at once.
 */
public final class UnreadableRecordException extends RuntimeException {

  private final DeadLetterReason reason;

  public UnreadableRecordException(DeadLetterReason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
