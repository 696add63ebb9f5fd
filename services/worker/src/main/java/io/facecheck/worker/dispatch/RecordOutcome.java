package io.facecheck.worker.dispatch;

/**
 * How one record of a batch ended: settled (done, or given up on with a dead letter), failed for a
 * reason that may pass (the record is tried again later, its finished neighbours are not), or never
 * started (handed back to Kafka: the batch ran out of time, or an earlier record with its key did
 * not finish).
 *
 * @param failure the failure of a {@link State#RETRY_LATER} record, else null
 */
public record RecordOutcome(State state, Throwable failure) {

  public static final RecordOutcome DONE = new RecordOutcome(State.DONE, null);
  public static final RecordOutcome HANDED_BACK = new RecordOutcome(State.HANDED_BACK, null);

  public enum State {
    DONE,
    RETRY_LATER,
    HANDED_BACK
  }

  public static RecordOutcome retryLater(Throwable failure) {
    return new RecordOutcome(State.RETRY_LATER, failure);
  }

  public boolean finished() {
    return state == State.DONE;
  }
}
