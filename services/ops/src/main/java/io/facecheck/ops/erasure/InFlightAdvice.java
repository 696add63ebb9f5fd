package io.facecheck.ops.erasure;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;

/** What an operator should do about an erasure request for a verification not final yet. */
final class InFlightAdvice {

  private InFlightAdvice() {}

  static String refusal(Verification v, VerificationStatus status) {
    String head =
        "refused: verification "
            + v.id()
            + " is "
            + status
            + ", not final; its identity was left untouched. ";
    if (status == VerificationStatus.DEAD_LETTERED) {
      return head
          + "A parked verification never ends on its own: settle it first (facecheck-ops dlt"
          + " replay, or resume if it was waiting for its user), then run erase again once it is"
          + " final.";
    }
    return head
        + "Its identity is still in use (the request's retries, the call to Alipay). It ends by"
        + " itself by "
        + v.expiresAt()
        + " (its expiry) plus the final queries (minutes); run erase again after that.";
  }
}
