package io.facecheck.tracing.meters;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.springframework.core.Ordered;

/**
 * Claims, ahead of Boot's {@code DefaultMeterObservationHandler}, the observations whose meters
 * nobody reads, and makes none for them: the spans stay (the tracing handlers are another group),
 * only the timer and long-task timer each observation would register and record go. Boot puts every
 * meter handler into one first-matching group, so the first handler that supports an observation is
 * the only one that makes its meters.
 *
 * <p>Per verification that is a dozen observations: spring-kafka's {@code spring.kafka.listener}
 * (each consumed record, opened by {@code RecordObservations}) and {@code spring.kafka.template}
 * (each send), and facecheck's own {@code facecheck.*} spans (outbox append and relay, record
 * origin, ladder query). None of their series is in docs/metrics.md, the contract of what is
 * scraped; what is in it (e.g. intake's {@code http_server_requests_seconds}) is left to Boot.
 */
public final class UnreadObservationMeters
    implements MeterObservationHandler<Observation.Context>, Ordered {

  /** Observation name prefixes whose timers are not kept. */
  static final String[] UNREAD = {"spring.kafka.", "facecheck."};

  @Override
  public boolean supportsContext(Observation.Context context) {
    String name = context.getName();
    if (name == null) {
      return false;
    }
    for (String prefix : UNREAD) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE; // ahead of Boot's meter handler in the first-matching group
  }
}
