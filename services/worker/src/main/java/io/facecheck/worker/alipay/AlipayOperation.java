package io.facecheck.worker.alipay;

/** The Alipay calls the worker makes; they differ in what a lost response means. */
public enum AlipayOperation {
  /** Creates a certification at Alipay: a lost response may have created one. */
  INITIALIZE(false),
  /** Reads a certification: safe to repeat, a lost response changed nothing. */
  QUERY(true);

  private final boolean readOnly;

  AlipayOperation(boolean readOnly) {
    this.readOnly = readOnly;
  }

  /** True when repeating the call can change nothing at Alipay. */
  public boolean readOnly() {
    return readOnly;
  }
}
