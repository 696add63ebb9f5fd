package io.facecheck.worker.dispatch.kafka;

import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.RecordOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Runs a polled batch on the {@link BatchDispatcher} and settles it partition by partition: commits
 * up to the first record that is not finished, seeks back to that record so the next poll hands it
 * over again, and remembers the finished records behind it so they are skipped, not redone. Three
 * things leave a record unfinished:
 *
 * <ul>
 *   <li>a transient failure (database or broker down): the partition is paused for a growing,
 *       capped back-off ({@code 1 s … 30 s}) and tried again for as long as the outage lasts, since
 *       nothing may be dropped or dead-lettered for an outage;
 *   <li>the batch's time budget is spent before the record started: handed back at once, so a batch
 *       never outlives {@code max.poll.interval.ms} (only records already started are waited for,
 *       and each of those is bounded by the SDK's timeouts and the in-process retries);
 *   <li>on a retry topic, a record not yet due: the partition is paused until it is.
 * </ul>
 *
 * Records that will fail again never get here as failures: the {@code RecordGuard} dead-letters
 * them. Offsets are committed only here (AckMode MANUAL).
 */
public final class SettlingBatchListener {

  private static final Logger log = LoggerFactory.getLogger(SettlingBatchListener.class);
  private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

  private final BatchDispatcher dispatcher;
  private final Function<ConsumerRecord<byte[], byte[]>, ? extends CompletionStage<?>> handler;
  private final Function<ConsumerRecord<byte[], byte[]>, Instant> dueAt;
  private final Duration timeBudget;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private final FinishedRecords finished = new FinishedRecords();
  private final Map<TopicPartition, Integer> failedRounds = new ConcurrentHashMap<>();
  private volatile Supplier<MessageListenerContainer> container = () -> null;

  /**
   * @param dueAt when a record may run (retry topics); records of main topics are always due
   */
  public SettlingBatchListener(
      BatchDispatcher dispatcher,
      Function<ConsumerRecord<byte[], byte[]>, ? extends CompletionStage<?>> handler,
      Function<ConsumerRecord<byte[], byte[]>, Instant> dueAt,
      Duration timeBudget,
      ScheduledExecutorService timer,
      Clock clock) {
    this.dispatcher = dispatcher;
    this.handler = handler;
    this.dueAt = dueAt;
    this.timeBudget = timeBudget;
    this.timer = timer;
    this.clock = clock;
  }

  /** The container the listener runs in; partitions are paused and resumed through it. */
  public void attach(Supplier<MessageListenerContainer> owner) {
    this.container = owner;
  }

  public void onBatch(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    long deadline = System.nanoTime() + timeBudget.toNanos();
    Instant now = clock.instant();
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = byPartition(records);
    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> notDue = new LinkedHashMap<>();
    List<ConsumerRecord<byte[], byte[]>> toRun = new ArrayList<>();
    byPartition.forEach(
        (partition, inOrder) -> {
          for (ConsumerRecord<byte[], byte[]> record : inOrder) {
            if (finished.contains(record)) {
              continue; // done in an earlier round, held back by a record before it
            }
            if (dueAt.apply(record).isAfter(now)) {
              notDue.put(partition, record); // one delay per topic: none behind it is due either
              break;
            }
            toRun.add(record);
          }
        });
    List<RecordOutcome> outcomes =
        dispatcher.run(toRun, ConsumerRecord::key, handler, () -> System.nanoTime() > deadline);
    Map<ConsumerRecord<byte[], byte[]>, RecordOutcome> outcomeOf = new java.util.HashMap<>();
    for (int i = 0; i < toRun.size(); i++) {
      outcomeOf.put(toRun.get(i), outcomes.get(i));
      if (outcomes.get(i).finished()) {
        finished.add(toRun.get(i));
      }
    }
    Map<TopicPartition, OffsetAndMetadata> commits = new LinkedHashMap<>();
    byPartition.forEach(
        (partition, inOrder) -> {
          ConsumerRecord<byte[], byte[]> firstOpen = null;
          boolean failed = false;
          for (ConsumerRecord<byte[], byte[]> record : inOrder) {
            RecordOutcome outcome = outcomeOf.get(record);
            failed |= outcome != null && outcome.state() == RecordOutcome.State.RETRY_LATER;
            if (firstOpen == null && !finished.contains(record)) {
              firstOpen = record;
            }
          }
          long next = firstOpen == null ? last(inOrder).offset() + 1 : firstOpen.offset();
          if (next > inOrder.get(0).offset()) {
            commits.put(partition, new OffsetAndMetadata(next));
          }
          if (firstOpen != null) {
            consumer.seek(partition, firstOpen.offset());
          }
          if (failed) {
            pauseAfterFailure(partition, outcomeOf, inOrder);
          } else {
            failedRounds.remove(partition);
            ConsumerRecord<byte[], byte[]> waiting = notDue.get(partition);
            if (waiting != null && waiting == firstOpen) {
              pauseFor(partition, Duration.between(clock.instant(), dueAt.apply(waiting)));
            }
          }
        });
    if (!commits.isEmpty()) {
      consumer.commitSync(commits);
      commits.forEach((partition, offset) -> finished.committed(partition, offset.offset()));
    }
  }

  private void pauseAfterFailure(
      TopicPartition partition,
      Map<ConsumerRecord<byte[], byte[]>, RecordOutcome> outcomeOf,
      List<ConsumerRecord<byte[], byte[]>> inOrder) {
    int round = failedRounds.merge(partition, 1, Integer::sum);
    Duration backOff = FIRST_BACK_OFF.multipliedBy(1L << Math.min(round - 1, 5));
    backOff = backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    Throwable cause =
        inOrder.stream()
            .map(outcomeOf::get)
            .filter(o -> o != null && o.failure() != null)
            .findFirst()
            .map(RecordOutcome::failure)
            .orElse(null);
    log.warn(
        "{}: a record failed transiently ({}); pausing {} before trying again (round {})",
        partition,
        cause == null ? "?" : cause.getClass().getSimpleName() + ": " + cause.getMessage(),
        backOff,
        round);
    pauseFor(partition, backOff);
  }

  private void pauseFor(TopicPartition partition, Duration delay) {
    MessageListenerContainer owner = container.get();
    if (owner == null) {
      return; // not attached (unit tests): the record is simply polled again
    }
    owner.pausePartition(partition);
    long millis = Math.max(1, delay.toMillis());
    timer.schedule(() -> owner.resumePartition(partition), millis, TimeUnit.MILLISECONDS);
  }

  /** Finished offsets held back by an unfinished record before them (for tests and metrics). */
  int heldBack() {
    return finished.size();
  }

  private static Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition(
      List<ConsumerRecord<byte[], byte[]>> records) {
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byPartition
          .computeIfAbsent(
              new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>())
          .add(record);
    }
    return byPartition;
  }

  private static ConsumerRecord<byte[], byte[]> last(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.get(records.size() - 1);
  }
}
