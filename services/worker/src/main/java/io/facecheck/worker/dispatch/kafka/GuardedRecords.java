package io.facecheck.worker.dispatch.kafka;

import io.facecheck.tracing.kafka.RecordObservations;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.PoisonRecords;
import io.facecheck.worker.dispatch.RecordGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Builds the settling listener of one topic (or set of retry topics) around its use case. */
public final class GuardedRecords {

  private GuardedRecords() {}

  /**
   * @param asOriginal how a consumed record becomes the use case's record (main or retry topic)
   * @param useCase the use case's handler
   * @param poison where the use case puts records it cannot process
   * @param dueAt when a record may run; {@code r -> Instant.EPOCH} for main topics
   * @param afterSendExecutor where failed sends are given up on (the in-flight pool)
   * @param observations each record's span (its parent from the record's headers) and log ids
   */
  public static SettlingBatchListener listener(
      Function<ConsumerRecord<byte[], byte[]>, OriginalRecord> asOriginal,
      Function<OriginalRecord, ? extends CompletionStage<?>> useCase,
      PoisonRecords<OriginalRecord> poison,
      Function<ConsumerRecord<byte[], byte[]>, Instant> dueAt,
      BatchDispatcher dispatcher,
      Executor afterSendExecutor,
      int recordAttempts,
      Duration batchTimeBudget,
      ScheduledExecutorService timer,
      Clock clock,
      Supplier<MessageListenerContainer> container,
      RecordObservations observations) {
    RecordGuard<OriginalRecord> guard =
        new RecordGuard<>(
            useCase, poison, new DatabaseAndBrokerFailures(), recordAttempts, afterSendExecutor);
    SettlingBatchListener listener =
        new SettlingBatchListener(
            dispatcher,
            r -> observations.observe(r, () -> guard.handle(asOriginal.apply(r))),
            dueAt,
            batchTimeBudget,
            timer,
            clock);
    listener.attach(container);
    return listener;
  }
}
