package io.facecheck.tracing.outbox;

import io.facecheck.tracing.ContinuedSpan;
import io.facecheck.tracing.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a verification's trace across the outbox: the transaction that appends a result event
 * stores the current trace context (a W3C {@code traceparent}) with the row, and the relay, which
 * runs later on a thread of its own, publishes the row inside a span that continues that trace.
 */
public final class OutboxTraceContext {

  private final ObservationRegistry registry;

  public OutboxTraceContext(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * The context to store with an outbox row appended now: a short "outbox append" span, child of
   * the current one, whose {@code traceparent} the relay continues from. Null when nothing is being
   * traced on this thread (tracing off; a ladder scan of a verification stored without a trace):
   * the relay then starts a trace of its own.
   */
  public String capture() {
    if (registry.isNoop() || registry.getCurrentObservation() == null) {
      return null;
    }
    SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
    context.setCarrier(new HashMap<>());
    Observation.createNotStarted("facecheck.outbox.append", () -> context, registry)
        .contextualName("outbox append")
        .start()
        .stop();
    String traceparent = context.getCarrier().get(TraceParent.HEADER);
    return TraceParent.isValid(traceparent) ? traceparent : null;
  }

  /**
   * Runs {@code publish} (which sends the row) in an "outbox relay" span continuing {@code
   * traceparent}, so the send's own span joins the verification's trace.
   */
  public <T> T continueFrom(String traceparent, Supplier<T> publish) {
    return ContinuedSpan.run(
        registry, "facecheck.outbox.relay", "outbox relay", traceparent, publish);
  }
}
