package io.facecheck.worker.alipay;

/**
 * Hears each Alipay call {@link AlipayRetry} makes: metrics count calls by outcome class without
 * the retry knowing about them. Calls run on many threads at once; implementations are thread-safe.
 */
public interface AlipayCallObserver {

  /** Observes nothing. */
  AlipayCallObserver NONE =
      new AlipayCallObserver() {
        @Override
        public void started(String app, AlipayOperation operation) {}

        @Override
        public void finished(
            String app, AlipayOperation operation, AlipayOutcome<?> outcome, long nanos) {}

        @Override
        public void retrying(String app, AlipayOperation operation) {}
      };

  /** A call is about to be made (the breaker permitted it). */
  void started(String app, AlipayOperation operation);

  /** The call came back as {@code outcome} after {@code nanos}. */
  void finished(String app, AlipayOperation operation, AlipayOutcome<?> outcome, long nanos);

  /** A call is about to be made again in process, after a transient or unknown outcome. */
  void retrying(String app, AlipayOperation operation);
}
