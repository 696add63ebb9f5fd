package io.facecheck.statemachine;

import io.facecheck.contracts.result.ResultType;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A move from one status to another: recorded in the timeline and, when {@link #resultEvent()} is
 * present, announced by an outbox row written in the same transaction.
 */
public record StatusChange(
    Verification before,
    Verification after,
    String cause,
    Map<String, String> details,
    Optional<ResultType> resultEvent)
    implements Change {

  public StatusChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Causes.require(cause);
    details = details == null ? Map.of() : Map.copyOf(details);
    Objects.requireNonNull(resultEvent, "resultEvent");
  }

  public VerificationStatus from() {
    return before.status();
  }

  public VerificationStatus to() {
    return after.status();
  }
}
