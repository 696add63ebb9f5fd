package io.facecheck.simulator.certification;

/** Where a certification stands. Only INIT and ABANDONED can still be completed. */
public enum CertificationStatus {
  INIT,
  PASSED,
  FAILED,
  /** The user left without scanning; query keeps answering passed "F". */
  ABANDONED;

  public boolean isFinal() {
    return this == PASSED || this == FAILED;
  }
}
