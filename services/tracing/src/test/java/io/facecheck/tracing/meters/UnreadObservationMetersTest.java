package io.facecheck.tracing.meters;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.OrderComparator;

/**
 * In the first-matching group Boot builds from every meter handler (sorted by order), the
 * observations nobody scrapes make no meters, and the ones docs/metrics.md lists still do.
 */
class UnreadObservationMetersTest {

  @Test
  void onlyTheObservationsWhoseMetersAreReadMakeMeters() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry registry = ObservationRegistry.create();
    List<Object> handlers = new ArrayList<>();
    handlers.add(new DefaultMeterObservationHandler(meters)); // Boot's, registered first
    handlers.add(new UnreadObservationMeters());
    handlers.sort(OrderComparator.INSTANCE);
    registry
        .observationConfig()
        .observationHandler(
            new FirstMatchingCompositeObservationHandler(
                handlers.stream()
                    .map(
                        h ->
                            (io.micrometer.core.instrument.observation.MeterObservationHandler<?>)
                                h)
                    .toList()));

    for (String name :
        List.of(
            "spring.kafka.listener",
            "spring.kafka.template",
            "facecheck.outbox.append",
            "facecheck.outbox.relay",
            "facecheck.record.origin",
            "facecheck.ladder.query",
            "http.server.requests")) {
      Observation.createNotStarted(name, registry).start().stop();
    }

    assertThat(
            meters.getMeters().stream()
                .map(m -> m.getId().getName())
                .distinct()
                .sorted(Comparator.naturalOrder()))
        .containsExactly("http.server.requests", "http.server.requests.active");
    assertThat(meters.getMeters()).extracting(Meter::getId).isNotEmpty();
  }

  @Test
  void claimsOnlyTheUnreadPrefixes() {
    UnreadObservationMeters unread = new UnreadObservationMeters();
    assertThat(unread.supportsContext(named("spring.kafka.listener"))).isTrue();
    assertThat(unread.supportsContext(named("facecheck.outbox.append"))).isTrue();
    assertThat(unread.supportsContext(named("http.server.requests"))).isFalse();
    assertThat(unread.supportsContext(named("spring.kafkaesque"))).isFalse();
    assertThat(unread.supportsContext(new Observation.Context())).isFalse();
  }

  private static Observation.Context named(String name) {
    Observation.Context context = new Observation.Context();
    context.setName(name);
    return context;
  }
}
