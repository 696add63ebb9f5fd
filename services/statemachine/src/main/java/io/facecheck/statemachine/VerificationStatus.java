package io.facecheck.statemachine;

import io.facecheck.contracts.result.ResultType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a verification stands. The transition table (docs/architecture.md, Status model) is written
 * down once, here, as data; the README's status diagram is rendered from it by a test.
 */
public enum VerificationStatus {
  RECEIVED,
  INITIALIZING,
  AWAITING_USER,
  PASSED,
  FAILED,
  EXPIRED,
  REJECTED,
  DEAD_LETTERED;

  private static final Map<VerificationStatus, Set<VerificationStatus>> NEXT =
      new EnumMap<>(VerificationStatus.class);
  private static final Map<VerificationStatus, ResultType> ANNOUNCED_ON_ENTRY =
      new EnumMap<>(VerificationStatus.class);

  static {
    // EXPIRED before the start: a request (or a replay) that reaches the worker past expires_at is
    // never initialized; nobody could open its certify URL any more
    NEXT.put(RECEIVED, EnumSet.of(INITIALIZING, REJECTED, EXPIRED, DEAD_LETTERED));
    NEXT.put(INITIALIZING, EnumSet.of(AWAITING_USER, REJECTED, EXPIRED, DEAD_LETTERED));
    NEXT.put(AWAITING_USER, EnumSet.of(PASSED, FAILED, EXPIRED, DEAD_LETTERED));
    NEXT.put(PASSED, EnumSet.noneOf(VerificationStatus.class));
    NEXT.put(FAILED, EnumSet.noneOf(VerificationStatus.class));
    NEXT.put(EXPIRED, EnumSet.noneOf(VerificationStatus.class));
    NEXT.put(REJECTED, EnumSet.noneOf(VerificationStatus.class));
    // ops replay: back to the status it left (each row remembers which one)
    NEXT.put(DEAD_LETTERED, EnumSet.of(RECEIVED, INITIALIZING, AWAITING_USER));

    ANNOUNCED_ON_ENTRY.put(AWAITING_USER, ResultType.CERTIFY_URL_ISSUED);
    ANNOUNCED_ON_ENTRY.put(PASSED, ResultType.PASSED);
    ANNOUNCED_ON_ENTRY.put(FAILED, ResultType.FAILED);
    ANNOUNCED_ON_ENTRY.put(EXPIRED, ResultType.EXPIRED);
    ANNOUNCED_ON_ENTRY.put(REJECTED, ResultType.REJECTED);
  }

  /** The statuses this one may move to. */
  public Set<VerificationStatus> allowedNext() {
    return Collections.unmodifiableSet(NEXT.get(this));
  }

  public boolean canMoveTo(VerificationStatus next) {
    return NEXT.get(this).contains(next);
  }

  /** PASSED, FAILED, EXPIRED, REJECTED: nothing follows, not even a dead letter. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /**
   * The result event the move {@code from → to} publishes, if any. Resuming from a dead letter
   * announces nothing: the event of that status was published when it was first entered.
   *
   * @throws IllegalArgumentException when the table does not allow the move
   */
  public static Optional<ResultType> resultEventOf(VerificationStatus from, VerificationStatus to) {
    if (!from.canMoveTo(to)) {
      throw new IllegalArgumentException(from + " → " + to + " is not a transition");
    }
    return from == DEAD_LETTERED
        ? Optional.empty()
        : Optional.ofNullable(ANNOUNCED_ON_ENTRY.get(to));
  }
}
