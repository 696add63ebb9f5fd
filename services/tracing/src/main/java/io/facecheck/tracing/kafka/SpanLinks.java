package io.facecheck.tracing.kafka;

import io.facecheck.tracing.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Links a record's span to the trace that sent the record, when the record's span continues another
 * trace (its verification's). Micrometer's observations have no API for links, and the span a
 * receiver observation starts from its carrier is a wrapper that drops links added later; so the
 * link goes on a short child span, {@code "<topic> origin"}, started the ordinary way.
 */
final class SpanLinks {

  private SpanLinks() {}

  /**
   * Starts and ends {@code "<topic> origin"} under {@code parent}, linked to {@code traceparent}.
   */
  static void linkOrigin(
      ObservationRegistry registry, Observation parent, String topic, String traceparent) {
    SpanContext linked = TraceParent.spanContext(traceparent);
    if (!linked.isValid()) {
      return;
    }
    Observation origin =
        Observation.createNotStarted("facecheck.record.origin", registry)
            .contextualName(topic + " origin")
            .parentObservation(parent)
            .start();
    TracingObservationHandler.TracingContext tracing =
        origin.getContext().get(TracingObservationHandler.TracingContext.class);
    if (tracing != null && tracing.getSpan() instanceof OtelSpan span) {
      OtelSpan.toOtel(span).addLink(linked); // another tracer than OpenTelemetry: no link
    }
    origin.stop();
  }
}
