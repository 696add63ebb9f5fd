package io.facecheck.reconciler.decision;

import java.util.Objects;

/**
 * What a query result means for a verification: one row of {@link DecisionTable}.
 *
 * @param failReason why Alipay did not pass the face (its fail_reason, or why facecheck concluded
 *     so), only on {@link Kind#FAIL}; the verification's error code is always VERIFICATION_FAILED
 *     and this becomes its message
 */
public record Decision(Kind kind, String failReason) {

  /** The possible outcomes of a decision. */
  public enum Kind {
    /** passed = T: PASSED, whenever it comes. */
    PASS,
    /** The user came back and Alipay says not passed, or Alipay does not know the certification. */
    FAIL,
    /** The final query at expires_at found the user never finished. */
    EXPIRE,
    /** Not passed yet and the user has not come back: the ladder carries on. */
    KEEP_WAITING,
    /**
     * The final query was sent before the user came back, and its "not passed" may be stale: ask
     * Alipay again at once instead of failing or expiring a user who may just have passed.
     */
    REQUERY,
    /**
     * Alipay says passed for a verification parked while it waited for its user (e.g. its final
     * queries went unanswered): the truth resumes it, then it passes.
     */
    PASS_AFTER_DEAD_LETTER,
    /**
     * The answer the reconciler stopped waiting for came after all: a verification parked because
     * its final queries went unanswered (FINAL_QUERY_UNANSWERED) got a decisive answer (a final
     * query's, or one asked after the user's return). It resumes, then is decided as the
     * AWAITING_USER it is again; ops have nothing left to do.
     */
    DECIDE_AFTER_UNANSWERED,
    /** The verification is already final: note it in the timeline, change nothing. */
    LATE_RESULT,
    /** The verification is not waiting for its user (not started, or parked): note it only. */
    NOT_AWAITING
  }

  public Decision {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.FAIL) != (failReason != null)) {
      throw new IllegalArgumentException("a fail code goes with FAIL, and only with it");
    }
  }

  public static Decision of(Kind kind) {
    return new Decision(kind, null);
  }

  public static Decision fail(String reason) {
    return new Decision(Kind.FAIL, reason);
  }
}
