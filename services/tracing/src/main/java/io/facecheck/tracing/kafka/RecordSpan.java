package io.facecheck.tracing.kafka;

import io.facecheck.tracing.LogCorrelation;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The span of one consumed record: started when its handling starts, in scope (with the record's
 * ids in the MDC) while its work runs on a thread, ended when its outcome is known.
 */
public final class RecordSpan {

  private final Observation observation;
  private final ConsumerRecord<?, ?> record;
  private final RecordKey key;

  RecordSpan(Observation observation, ConsumerRecord<?, ?> record, RecordKey key) {
    this.observation = observation;
    this.record = record;
    this.key = key;
  }

  /**
   * Runs {@code work} on this thread inside the span: what it sends continues the trace, what it
   * logs carries the trace id and the record's key. The MDC is cleared afterwards, pooled threads
   * must not lend one record's ids to the next.
   */
  public <T> T inScope(Supplier<T> work) {
    try (Observation.Scope scope = observation.openScope()) {
      LogCorrelation.traceId(traceId());
      key.correlate(record.key());
      return work.get();
    } finally {
      LogCorrelation.clear();
    }
  }

  public void inScope(Runnable work) {
    inScope(
        () -> {
          work.run();
          return null;
        });
  }

  /** Ends the span; {@code failure} (may be null) marks it failed. */
  public void end(Throwable failure) {
    if (failure != null) {
      observation.error(failure);
    }
    observation.stop();
  }

  /** The trace id, or null when no tracer is configured (tracing off). */
  public String traceId() {
    TracingObservationHandler.TracingContext tracing =
        observation.getContext().get(TracingObservationHandler.TracingContext.class);
    return tracing == null || tracing.getSpan() == null
        ? null
        : tracing.getSpan().context().traceId();
  }
}
