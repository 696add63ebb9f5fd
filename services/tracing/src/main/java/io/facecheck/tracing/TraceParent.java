package io.facecheck.tracing;

import io.micrometer.tracing.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.regex.Pattern;

/**
 * A W3C {@code traceparent} ({@code version-traceid-spanid-flags}): the only trace context
 * facecheck stores (with an outbox row, with a verification). Ids and a sampling flag, never
 * payload.
 */
public final class TraceParent {

  /** The header (and carrier key) W3C propagation reads and writes. */
  public static final String HEADER = "traceparent";

  private static final Pattern W3C =
      Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  private TraceParent() {}

  /** Whether {@code value} is a well-formed traceparent; anything else is never stored or read. */
  public static boolean isValid(String value) {
    return value != null && W3C.matcher(value).matches();
  }

  /** The traceparent of a span's context, or null when it has none worth keeping (not sampled). */
  public static String ofSampled(TraceContext context) {
    if (context == null || !Boolean.TRUE.equals(context.sampled())) {
      return null;
    }
    String value = "00-" + context.traceId() + "-" + context.spanId() + "-01";
    return isValid(value) ? value : null;
  }

  /** The trace id of a valid traceparent, or null. */
  public static String traceId(String traceparent) {
    return isValid(traceparent) ? traceparent.substring(3, 35) : null;
  }

  /** The span a valid traceparent names, as a remote OpenTelemetry context (for a span link). */
  public static SpanContext spanContext(String traceparent) {
    if (!isValid(traceparent)) {
      return SpanContext.getInvalid();
    }
    return SpanContext.createFromRemoteParent(
        traceparent.substring(3, 35),
        traceparent.substring(36, 52),
        TraceFlags.fromHex(traceparent, 53),
        TraceState.getDefault());
  }
}
