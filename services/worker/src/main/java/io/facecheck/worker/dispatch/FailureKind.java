package io.facecheck.worker.dispatch;

/** What an exception out of a record's handling says about trying that record again. */
public enum FailureKind {
  /** The database or the broker is unreachable or timed out: wait and try again, never give up. */
  TRANSIENT,
  /** PostgreSQL refuses the data itself (SQLState class 22 or 23): it will refuse it every time. */
  UNSTORABLE,
  /** Anything else: a few more attempts in place, then the record is given up on. */
  UNEXPECTED
}
