package io.facecheck.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs work in a span whose parent is a stored {@code traceparent}: work that happens later, on a
 * thread of its own (the relay's publish, a ladder query), joins the trace it belongs to.
 */
public final class ContinuedSpan {

  private ContinuedSpan() {}

  /**
   * Runs {@code work} in a span {@code contextualName} (observation {@code name}), child of {@code
   * traceparent}; as it is when tracing is off or there is nothing valid to continue.
   */
  public static <T> T run(
      ObservationRegistry registry,
      String name,
      String contextualName,
      String traceparent,
      Supplier<T> work) {
    if (!TraceParent.isValid(traceparent) || registry.isNoop()) {
      return work.get();
    }
    ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
    context.setCarrier(Map.of(TraceParent.HEADER, traceparent));
    Observation span =
        Observation.createNotStarted(name, () -> context, registry)
            .contextualName(contextualName)
            .start();
    try (Observation.Scope scope = span.openScope()) {
      return work.get();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.stop();
    }
  }
}
