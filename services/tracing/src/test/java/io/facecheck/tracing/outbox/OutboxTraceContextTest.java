package io.facecheck.tracing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.tracing.InMemoryTracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutboxTraceContextTest {

  private final InMemoryTracing tracing = new InMemoryTracing();
  private final OutboxTraceContext outbox = new OutboxTraceContext(tracing.registry);

  @Test
  void theRelaysPublishContinuesTheTraceThatAppendedTheRow() {
    Observation handling = Observation.start("handling", tracing.registry);
    String stored;
    try (Observation.Scope scope = handling.openScope()) {
      stored = outbox.capture();
    }
    handling.stop();
    assertThat(stored).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

    outbox.continueFrom(
        stored,
        () -> {
          Observation.start("send", tracing.registry).stop();
          return null;
        });

    Map<String, SpanData> byName =
        tracing.finished().stream().collect(Collectors.toMap(SpanData::getName, s -> s));
    SpanData root = byName.get("handling");
    SpanData append = byName.get("outbox append");
    SpanData relay = byName.get("outbox relay");
    SpanData send = byName.get("send");
    assertThat(append.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(relay.getParentSpanId()).isEqualTo(append.getSpanId());
    assertThat(send.getParentSpanId()).isEqualTo(relay.getSpanId());
    assertThat(tracing.finished()).extracting(SpanData::getTraceId).containsOnly(root.getTraceId());
  }

  @Test
  void nothingIsStoredWhenNothingIsTraced() {
    assertThat(outbox.capture()).isNull();
    assertThat(new OutboxTraceContext(ObservationRegistry.NOOP).capture()).isNull();
    assertThat(outbox.continueFrom(null, () -> "sent")).isEqualTo("sent");
    assertThat(tracing.finished()).isEmpty();
  }
}
