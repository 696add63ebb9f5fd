package io.facecheck.tracing.kafka;

import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    var observation =
        KafkaListenerObservation.LISTENER_OBSERVATION.observation(
            null,
            KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
            () -> new KafkaRecordReceiverContext(record, listenerId, null, groupId, () -> null),
            registry);
    return new RecordSpan(observation.start(), record, key);
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
