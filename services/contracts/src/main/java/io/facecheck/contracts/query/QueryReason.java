package io.facecheck.contracts.query;

/** Why the reconciler asks Alipay now. */
public enum QueryReason {
  /** The user's browser came back (a verified callback). */
  CALLBACK,
  /** A scheduled step of the reconciliation ladder. */
  LADDER,
  /** The last query at expires_at, before EXPIRED. */
  FINAL
}
