package io.facecheck.contracts.result;

/** The statuses a result event can report; internal ones (RECEIVED, …) never leave facecheck. */
public enum ResultStatus {
  AWAITING_USER,
  PASSED,
  FAILED,
  EXPIRED,
  REJECTED
}
