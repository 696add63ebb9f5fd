package io.facecheck.reconciler.relay;

import io.facecheck.contracts.Topics;
import io.facecheck.statemachine.jdbc.OutboxEntry;
import io.facecheck.tracing.outbox.OutboxTraceContext;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Relays result events from the outbox to verification-results, at least once: a batch is sent in
 * id order (one verification's events share a key, hence a partition, and the idempotent producer
 * keeps their order), then marked published. A relay that dies between the two sends the batch
 * again on restart, with the same event ids, and consumers deduplicate on them.
 */
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final Outbox outbox;
  private final KafkaOperations<String, String> kafka;
  private final int batch;
  private final Duration sendTimeout;
  private final OutboxTraceContext traces;
  private final IntConsumer published;

  public OutboxRelay(
      Outbox outbox, KafkaOperations<String, String> kafka, int batch, Duration sendTimeout) {
    this(
        outbox,
        kafka,
        batch,
        sendTimeout,
        new OutboxTraceContext(ObservationRegistry.NOOP),
        n -> {});
  }

  /**
   * @param traces continues, for each event, the trace stored with its row
   * @param published hears how many events each round marked published (for metrics)
   */
  public OutboxRelay(
      Outbox outbox,
      KafkaOperations<String, String> kafka,
      int batch,
      Duration sendTimeout,
      OutboxTraceContext traces,
      IntConsumer published) {
    this.outbox = outbox;
    this.kafka = kafka;
    this.batch = batch;
    this.sendTimeout = sendTimeout;
    this.traces = traces;
    this.published = published;
  }

  /**
   * Sends one batch and marks what Kafka acknowledged.
   *
   * @return how many events were fetched; {@link #batch} or more means more may be waiting
   */
  public int relayOnce() {
    List<OutboxEntry> entries = outbox.fetchUnpublished(batch);
    if (entries.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(entries.size());
    for (OutboxEntry entry : entries) {
      sends.add(
          traces.continueFrom(
              entry.traceParent(),
              () -> kafka.send(Topics.RESULTS, entry.messageKey(), entry.payload())));
    }
    List<Long> acknowledged = acknowledgedPrefix(entries, sends);
    outbox.markPublished(acknowledged);
    published.accept(acknowledged.size());
    return entries.size();
  }

  /**
   * The ids acknowledged before the first failure. Everything from the first failure on is sent
   * again next round, so no verification's later event is marked while an earlier one is missing.
   */
  private List<Long> acknowledgedPrefix(
      List<OutboxEntry> entries, List<CompletableFuture<SendResult<String, String>>> sends) {
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    List<Long> acknowledged = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(entries.get(i).id());
      } catch (ExecutionException | TimeoutException e) {
        log.warn(
            "outbox {} ({}) not acknowledged, {} events left for the next round: {}",
            entries.get(i).id(),
            entries.get(i).eventType(),
            entries.size() - i,
            e.toString());
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return acknowledged;
  }
}
