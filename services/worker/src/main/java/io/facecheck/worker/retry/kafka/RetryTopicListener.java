package io.facecheck.worker.retry.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.kafka.SettlingBatchListener;
import io.facecheck.worker.retry.RetryHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Consumes retry topics without blocking anyone: per partition, the records already due are handled
 * (in parallel, by key, as on the main topics); at the first record not yet due, the partition is
 * sought back to it and paused until it is due, while the other partitions go on. The delays of one
 * topic are equal, so a record not due means none behind it is. Offsets are committed per
 * partition, only up to the records that are done ({@link SettlingBatchListener}; the container's
 * AckMode is MANUAL and nothing else commits).
 */
public final class RetryTopicListener implements BatchConsumerAwareMessageListener<byte[], byte[]> {

  private final SettlingBatchListener settling;

  public RetryTopicListener(
      BatchDispatcher dispatcher,
      Function<ConsumerRecord<byte[], byte[]>, ? extends CompletionStage<?>> handler,
      ScheduledExecutorService timer,
      Clock clock) {
    this(dispatcher, handler, Duration.ofMinutes(2), Duration.ofMinutes(10), timer, clock);
  }

  /**
   * @param longestWait the longest any retry may wait (the schedule's last delay): a due time
   *     further away is not believed, so a record whose header says "next year" cannot pause its
   *     partition for a year
   */
  public RetryTopicListener(
      BatchDispatcher dispatcher,
      Function<ConsumerRecord<byte[], byte[]>, ? extends CompletionStage<?>> handler,
      Duration timeBudget,
      Duration longestWait,
      ScheduledExecutorService timer,
      Clock clock) {
    this.settling =
        new SettlingBatchListener(
            dispatcher,
            handler,
            record -> believableDueAt(record, clock.instant(), longestWait),
            timeBudget,
            timer,
            clock);
  }

  /** The container this listener runs in; partitions are paused and resumed through it. */
  public void attach(MessageListenerContainer container) {
    settling.attach(() -> container);
  }

  @Override
  public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    settling.onBatch(records, consumer);
  }

  /**
   * {@link #dueAt}, unless it lies more than {@code longestWait} ahead of {@code now}: no retry the
   * worker writes waits that long, so such a header is forged or written by a clock far off, and
   * the record is due now (a retry tried early is only re-parked; a partition paused for ever is a
   * stall).
   */
  static Instant believableDueAt(
      ConsumerRecord<byte[], byte[]> record, Instant now, Duration longestWait) {
    Instant due = dueAt(record);
    return due.isAfter(now.plus(longestWait)) ? Instant.EPOCH : due;
  }

  static Instant dueAt(ConsumerRecord<byte[], byte[]> record) {
    Header header = record.headers().lastHeader(RetryHeaders.DUE_AT);
    if (header == null || header.value() == null) {
      return Instant.EPOCH; // no due time: due now
    }
    try {
      return Instant.parse(new String(header.value(), UTF_8).trim());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
