package io.facecheck.reconciler.decision;

import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Instant;

/**
 * Turns Alipay's answer into an outcome (DESIGN.md §6). Pure: no clock, no database; the caller
 * applies the decision by compare-and-set and asks again if it lost the race.
 *
 * <pre>
 * status          outcome     user returned   query issued after it   reason   decision
 * final           any         -               -                       any      LateResult
 * not AWAITING    any         -               -                       any      NotAwaiting
 * AWAITING_USER   PASSED      -               -                       any      Pass
 * AWAITING_USER   NOT_FOUND   yes             -                       any      Fail(CERTIFY_NOT_FOUND)
 * AWAITING_USER   NOT_FOUND   no              -                       FINAL    Expire
 * AWAITING_USER   NOT_FOUND   no              -                       other    KeepWaiting
 * AWAITING_USER   NOT_PASSED  yes             yes                     any      Fail(fail_reason)
 * AWAITING_USER   NOT_PASSED  -               no                      FINAL    Expire
 * AWAITING_USER   NOT_PASSED  -               no                      other    KeepWaiting
 * </pre>
 *
 * <p>NOT_FOUND fails only once the user has returned: the status machine allows FAILED only after a
 * return (DESIGN.md §6), so before it an unknown certification waits for the final query like any
 * unfinished one and ends EXPIRED. A CALLBACK or FINAL query counts as issued after the return.
 */
public final class DecisionTable {

  /** Error code of a FAILED verification whose certify_id Alipay does not know. */
  public static final String CERTIFY_NOT_FOUND = "CERTIFY_NOT_FOUND";

  /** Error code of a FAILED verification when Alipay gave no fail_reason. */
  public static final String NOT_PASSED = "NOT_PASSED";

  private DecisionTable() {}

  public static Decision decide(
      VerificationStatus status, Instant userReturnedAt, VerificationQueryResult result) {
    if (status.isFinal()) {
      return Decision.of(Decision.Kind.LATE_RESULT);
    }
    if (status != VerificationStatus.AWAITING_USER) {
      return Decision.of(Decision.Kind.NOT_AWAITING);
    }
    return switch (result.outcome()) {
      case PASSED -> Decision.of(Decision.Kind.PASS);
      case NOT_FOUND -> notFound(userReturnedAt, result);
      case NOT_PASSED -> notPassed(userReturnedAt, result);
    };
  }

  private static Decision notFound(Instant userReturnedAt, VerificationQueryResult result) {
    if (userReturnedAt != null) {
      return Decision.fail(CERTIFY_NOT_FOUND);
    }
    return unfinished(result);
  }

  private static Decision notPassed(Instant userReturnedAt, VerificationQueryResult result) {
    if (askedAfterReturn(userReturnedAt, result)) {
      String reason = result.failReason();
      return Decision.fail(reason == null || reason.isBlank() ? NOT_PASSED : reason);
    }
    return unfinished(result);
  }

  /** Not finished as far as we know: only the final query's answer may expire it. */
  private static Decision unfinished(VerificationQueryResult result) {
    return result.reason() == QueryReason.FINAL
        ? Decision.of(Decision.Kind.EXPIRE)
        : Decision.of(Decision.Kind.KEEP_WAITING);
  }

  /**
   * A "not passed" means FAILED only if Alipay was asked after the user came back: a ladder query
   * answered while the user was still scanning must not fail a user who then passes. A CALLBACK or
   * FINAL query is asked after the return by construction; a LADDER one counts if it was answered
   * after the recorded return time.
   */
  private static boolean askedAfterReturn(Instant userReturnedAt, VerificationQueryResult result) {
    if (userReturnedAt == null) {
      return false;
    }
    return result.reason() != QueryReason.LADDER || !result.queriedAt().isBefore(userReturnedAt);
  }
}
