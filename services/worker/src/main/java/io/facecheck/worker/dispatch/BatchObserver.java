package io.facecheck.worker.dispatch;

/** Hears each batch {@link BatchDispatcher} ran: how many records, and how long until all ended. */
@FunctionalInterface
public interface BatchObserver {

  /** Observes nothing. */
  BatchObserver NONE = (records, nanos) -> {};

  void batchDone(int records, long nanos);
}
