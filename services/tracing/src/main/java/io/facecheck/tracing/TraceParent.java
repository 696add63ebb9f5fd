package io.facecheck.tracing;

import io.micrometer.tracing.TraceContext;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * A W3C {@code traceparent} ({@code version-traceid-spanid-flags}): the only trace context
 * facecheck stores (with an outbox row, with a verification). Ids and a sampling flag, never
 * payload.
 */
public final class TraceParent {

  /** The header (and carrier key) W3C propagation reads and writes. */
  public static final String HEADER = "traceparent";

  /** {@code 00-<32 hex>-<16 hex>-01}: 55 characters, dashes at these positions. */
  private static final int LENGTH = 55;

  private static final int[] DASHES = {2, 35, 52};

  private TraceParent() {}

  /** Whether {@code value} is a well-formed traceparent; anything else is never stored or read. */
  public static boolean isValid(String value) {
    // exactly [0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}, checked by hand: this runs several
    // times per consumed record, and a regex match allocates a matcher each time
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    int dash = 0;
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (dash < DASHES.length && i == DASHES[dash]) {
        if (c != '-') {
          return false;
        }
        dash++;
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
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
