package io.facecheck.tracing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.tracing.InMemoryTracing;
import io.facecheck.tracing.LogCorrelation;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RecordObservationsTest {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT_SPAN = "b7ad6b7169203331";

  private final InMemoryTracing tracing = new InMemoryTracing();

  @Test
  void aRecordsSpanContinuesTheTraceOfItsHeadersAndEndsWhenItsWorkCompletes() {
    UUID verificationId = UUID.randomUUID();
    ConsumerRecord<byte[], byte[]> record = tracedRecord(verificationId.toString());
    RecordObservations observations =
        new RecordObservations(tracing.registry, "listener", "group", RecordKey.VERIFICATION_ID);
    Map<String, String> mdcDuringWork = new HashMap<>();
    CompletableFuture<Void> sent = new CompletableFuture<>();

    CompletableFuture<?> done =
        observations.observe(
            record,
            () -> {
              mdcDuringWork.putAll(MDC.getCopyOfContextMap());
              return sent;
            });

    assertThat(tracing.finished()).isEmpty();
    assertThat(MDC.get(LogCorrelation.TRACE_ID)).isNull();
    sent.complete(null);
    assertThat(done).isCompleted();
    SpanData span = tracing.finished().get(0);
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getParentSpanId()).isEqualTo(PARENT_SPAN);
    assertThat(span.getName()).isEqualTo("requests process");
    assertThat(mdcDuringWork)
        .containsEntry(LogCorrelation.TRACE_ID, TRACE_ID)
        .containsEntry(LogCorrelation.VERIFICATION_ID, verificationId.toString());
  }

  @Test
  void aRecordContinuesItsVerificationsTraceAndLinksTheTraceThatSentIt() {
    String verificationTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String creatingSpan = "00f067aa0ba902b7";
    RecordObservations observations =
        new RecordObservations(tracing.registry, "listener", "group", RecordKey.VERIFICATION_ID);

    RecordSpan span =
        observations.start(
            tracedRecord(UUID.randomUUID().toString()),
            "00-" + verificationTrace + "-" + creatingSpan + "-01");
    span.end(null);

    Map<String, SpanData> byName =
        tracing.finished().stream().collect(Collectors.toMap(SpanData::getName, s -> s));
    SpanData process = byName.get("requests process");
    assertThat(process.getTraceId()).isEqualTo(verificationTrace);
    assertThat(process.getParentSpanId()).isEqualTo(creatingSpan);
    SpanData origin = byName.get("requests origin");
    assertThat(origin.getParentSpanId()).isEqualTo(process.getSpanId());
    assertThat(origin.getLinks()).hasSize(1);
    assertThat(origin.getLinks().get(0).getSpanContext().getTraceId()).isEqualTo(TRACE_ID);
    assertThat(origin.getLinks().get(0).getSpanContext().getSpanId()).isEqualTo(PARENT_SPAN);
  }

  @Test
  void aRecordWithoutAStoredTraceOrAlreadyInItContinuesItsHeadersUnlinked() {
    RecordObservations observations =
        new RecordObservations(tracing.registry, "listener", "group", RecordKey.VERIFICATION_ID);

    observations.start(tracedRecord("k"), null).end(null);
    observations.start(tracedRecord("k"), "00-" + TRACE_ID + "-00f067aa0ba902b7-01").end(null);

    assertThat(tracing.finished())
        .allSatisfy(
            s -> {
              assertThat(s.getTraceId()).isEqualTo(TRACE_ID);
              assertThat(s.getParentSpanId()).isEqualTo(PARENT_SPAN);
              assertThat(s.getLinks()).isEmpty();
            })
        .hasSize(2);
  }

  @Test
  void aRequestRecordsKeyIsItsRequestId() {
    RecordObservations observations =
        new RecordObservations(tracing.registry, "listener", "group", RecordKey.REQUEST_ID);
    Map<String, String> mdc = new HashMap<>();
    observations.observe(
        tracedRecord("r-1"),
        () -> {
          mdc.putAll(MDC.getCopyOfContextMap());
          return CompletableFuture.completedFuture(null);
        });
    assertThat(mdc).containsEntry(LogCorrelation.REQUEST_ID, "r-1");
    assertThat(mdc).doesNotContainKey(LogCorrelation.VERIFICATION_ID);
  }

  private static ConsumerRecord<byte[], byte[]> tracedRecord(String key) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "requests", 0, 7L, key.getBytes(StandardCharsets.UTF_8), "{}".getBytes());
    record
        .headers()
        .add(
            "traceparent",
            ("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01").getBytes(StandardCharsets.UTF_8));
    return record;
  }
}
