package io.facecheck.tracing.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.tracing.InMemoryTracing;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VerificationTraceContextTest {

  private final InMemoryTracing tracing = new InMemoryTracing();
  private final VerificationTraceContext traces = new VerificationTraceContext(tracing.registry);

  @Test
  void laterWorkContinuesTheSpanTheVerificationWasCreatedIn() {
    Observation creating = Observation.start("creating", tracing.registry);
    String stored;
    try (Observation.Scope scope = creating.openScope()) {
      stored = traces.capture();
    }
    creating.stop();

    traces.continueFrom(
        stored,
        "ladder query",
        () -> {
          Observation.start("send", tracing.registry).stop();
          return null;
        });

    Map<String, SpanData> byName =
        tracing.finished().stream().collect(Collectors.toMap(SpanData::getName, s -> s));
    SpanData created = byName.get("creating");
    assertThat(stored)
        .isEqualTo("00-" + created.getTraceId() + "-" + created.getSpanId() + "-01")
        .as("capturing opens no span of its own");
    assertThat(byName).containsOnlyKeys("creating", "ladder query", "send");
    assertThat(byName.get("ladder query").getParentSpanId()).isEqualTo(created.getSpanId());
    assertThat(byName.get("send").getParentSpanId())
        .isEqualTo(byName.get("ladder query").getSpanId());
    assertThat(tracing.finished())
        .extracting(SpanData::getTraceId)
        .containsOnly(created.getTraceId());
  }

  @Test
  void nothingIsStoredOrContinuedWithoutATrace() {
    assertThat(traces.capture()).isNull();
    assertThat(new VerificationTraceContext(ObservationRegistry.NOOP).capture()).isNull();
    assertThat(traces.continueFrom(null, "ladder query", () -> "sent")).isEqualTo("sent");
    assertThat(traces.continueFrom("not-a-traceparent", "ladder query", () -> "sent"))
        .isEqualTo("sent");
    assertThat(tracing.finished()).isEmpty();
  }
}
