package io.facecheck.reconciler.inbound;

/**
 * Handling the record at {@link #index()} of a batch failed; every record before it is done (its
 * effects are durable), none after it was started. The Kafka adapter commits the prefix and hands
 * the failed record to the error handler.
 */
public final class RecordFailedException extends RuntimeException {

  private final int index;

  public RecordFailedException(int index, RuntimeException cause) {
    super("record " + index + " of the batch failed: " + cause, cause);
    this.index = index;
  }

  public int index() {
    return index;
  }
}
