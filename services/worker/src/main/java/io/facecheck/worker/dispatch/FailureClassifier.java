package io.facecheck.worker.dispatch;

/** Tells what a failure means ({@link FailureKind}) and says it safely (no values, no PII). */
public interface FailureClassifier {

  FailureKind kindOf(Throwable failure);

  /** A one-line description for a dead-letter header: the type and what was refused, no data. */
  String describe(Throwable failure);
}
