package io.facecheck.reconciler.metrics;

import io.facecheck.reconciler.relay.ElectedRelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntConsumer;

/** Events the relay published, and whether this instance leads the relay (1) or stands by (0). */
public final class RelayMeters implements IntConsumer {

  private final Counter published;

  public RelayMeters(MeterRegistry registry) {
    published =
        Counter.builder("facecheck.relay.events.published")
            .description("result events published to verification-results and marked")
            .register(registry);
  }

  /** The leadership gauge; the relay is built after this counter, so it is bound separately. */
  public static void bindLeadership(MeterRegistry registry, ElectedRelay relay) {
    Gauge.builder("facecheck.relay.leader", relay, r -> r.wasLeading() ? 1 : 0)
        .description("1 while this instance holds the relay lock, else 0")
        .register(registry);
  }

  @Override
  public void accept(int events) {
    published.increment(events);
  }
}
