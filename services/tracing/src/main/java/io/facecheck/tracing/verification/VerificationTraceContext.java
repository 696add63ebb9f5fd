package io.facecheck.tracing.verification;

import io.facecheck.tracing.ContinuedSpan;
import io.facecheck.tracing.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.function.Supplier;

/**
 * One trace per verification. The worker stores, with the verification it creates, the context of
 * the span that creates it (the client's POST → intake → worker trace); work about that
 * verification that has no trace of its own to continue (a ladder query) or whose own trace only
 * leads back to a browser (the user's return) continues the stored one, so the certify URL and the
 * final decision end up in the same trace.
 */
public final class VerificationTraceContext {

  private final ObservationRegistry registry;

  public VerificationTraceContext(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * The {@code traceparent} of the current span, to store with a verification created now. Null
   * when nothing is traced on this thread, tracing is off, or the trace is not sampled: such a
   * verification's later work is traced as it was before (in traces of its own, at the sampling
   * rate), rather than continuing a trace nobody records.
   */
  public String capture() {
    if (registry.isNoop()) {
      return null;
    }
    Observation current = registry.getCurrentObservation();
    if (current == null) {
      return null;
    }
    TracingObservationHandler.TracingContext tracing =
        current.getContext().get(TracingObservationHandler.TracingContext.class);
    return tracing == null || tracing.getSpan() == null
        ? null
        : TraceParent.ofSampled(tracing.getSpan().context());
  }

  /**
   * Runs {@code work} in a span {@code contextualName}, child of the verification's stored {@code
   * traceparent}; as it is when there is none (null, an old row) or tracing is off.
   */
  public <T> T continueFrom(String traceparent, String contextualName, Supplier<T> work) {
    return ContinuedSpan.run(
        registry,
        "facecheck." + contextualName.replace(' ', '.'),
        contextualName,
        traceparent,
        work);
  }
}
