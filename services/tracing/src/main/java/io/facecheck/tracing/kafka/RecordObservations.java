package io.facecheck.tracing.kafka;

import io.facecheck.tracing.TraceParent;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Spans for the records of a batch listener. spring-kafka observes each record of a record
 * listener, but a batch listener as a whole or not at all; our listeners settle records one by one,
 * so each record gets the span a record listener would get (same name and tags, its parent taken
 * from the record's {@code traceparent} header), opened here.
 */
public final class RecordObservations {

  private final ObservationRegistry registry;
  private final String listenerId;
  private final String groupId;
  private final RecordKey key;

  /**
   * @param registry the service's registry; {@link ObservationRegistry#NOOP} when tracing is off
   * @param listenerId and {@code groupId}: tags of the span, as spring-kafka sets them
   * @param key what the topic's key is, put into the MDC for the record's log lines
   */
  public RecordObservations(
      ObservationRegistry registry, String listenerId, String groupId, RecordKey key) {
    this.registry = registry;
    this.listenerId = listenerId;
    this.groupId = groupId;
    this.key = key;
  }

  /** Starts the span of {@code record}; the caller puts work in its scope and ends it. */
  public RecordSpan start(ConsumerRecord<?, ?> record) {
    return start(record, null);
  }

  /**
   * Starts the span of {@code record} as a child of {@code verificationTrace}, the trace its
   * verification was created in (a W3C traceparent, or null: then as {@link #start(ConsumerRecord)}
   * does). The record's own context is kept as a span link (on a child {@code "<topic> origin"}
   * span), so the trace that sent the record (e.g. intake's HTTP span of a user's return) is still
   * found from it.
   */
  public RecordSpan start(ConsumerRecord<?, ?> record, String verificationTrace) {
    String own = header(record);
    boolean reparent =
        !registry.isNoop()
            && TraceParent.isValid(verificationTrace)
            && !Objects.equals(TraceParent.traceId(verificationTrace), TraceParent.traceId(own));
    KafkaRecordReceiverContext context =
        new KafkaRecordReceiverContext(record, listenerId, null, groupId, () -> null);
    if (reparent) {
      // the parent is read from the carrier: a copy holding only the verification's context
      context.setCarrier(carrying(record, verificationTrace));
    }
    var observation =
        KafkaListenerObservation.LISTENER_OBSERVATION
            .observation(
                null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> context,
                registry)
            .start();
    if (reparent && TraceParent.isValid(own)) {
      SpanLinks.linkOrigin(registry, observation, record.topic(), own);
    }
    return new RecordSpan(observation, record, key);
  }

  private static String header(ConsumerRecord<?, ?> record) {
    Header header = record.headers().lastHeader(TraceParent.HEADER);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<?, ?> carrying(ConsumerRecord<?, ?> record, String traceparent) {
    ConsumerRecord<Object, Object> carrier =
        new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), null, null);
    carrier.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
    return carrier;
  }

  /** Runs {@code work} about {@code record} (e.g. dead-lettering it) in a span of the record. */
  public void run(ConsumerRecord<?, ?> record, Runnable work) {
    RecordSpan span = start(record);
    try {
      span.inScope(work);
    } catch (RuntimeException e) {
      span.end(e);
      throw e;
    }
    span.end(null);
  }

  /**
   * Runs the asynchronous handling of one record in its span: {@code work} starts on this thread
   * (in scope) and the span ends when the stage it returns completes.
   */
  public <S extends CompletionStage<?>> CompletableFuture<?> observe(
      ConsumerRecord<?, ?> record, Supplier<S> work) {
    RecordSpan span = start(record);
    CompletableFuture<?> done;
    try {
      done = span.inScope(work).toCompletableFuture();
    } catch (RuntimeException e) {
      span.end(e);
      throw e;
    }
    return done.whenComplete((ok, failure) -> span.end(failure));
  }
}
