package io.facecheck.worker.retry.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.retry.RetryHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Consumes retry topics without blocking anyone: per partition, the records already due are handled
 * (in parallel, by key, as on the main topics); at the first record not yet due, the partition is
 * sought back to it and paused until it is due, while the other partitions go on. The delays of one
 * topic are equal, so a record not due means none behind it is. Offsets are committed here, per
 * partition, only up to the records that are done (the container's AckMode is MANUAL and nothing
 * else commits).
 */
public final class RetryTopicListener implements BatchConsumerAwareMessageListener<byte[], byte[]> {

  private final BatchDispatcher dispatcher;
  private final Function<ConsumerRecord<byte[], byte[]>, ? extends CompletionStage<?>> handler;
  private final ScheduledExecutorService timer;
  private final Clock clock;
  private volatile MessageListenerContainer container;

  public RetryTopicListener(
      BatchDispatcher dispatcher,
      Function<ConsumerRecord<byte[], byte[]>, ? extends CompletionStage<?>> handler,
      ScheduledExecutorService timer,
      Clock clock) {
    this.dispatcher = dispatcher;
    this.handler = handler;
    this.timer = timer;
    this.clock = clock;
  }

  /** The container this listener runs in; partitions are paused and resumed through it. */
  public void attach(MessageListenerContainer container) {
    this.container = container;
  }

  @Override
  public void onMessage(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    Instant now = clock.instant();
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      byPartition
          .computeIfAbsent(
              new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>())
          .add(record);
    }
    List<ConsumerRecord<byte[], byte[]>> due = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> waiting = new LinkedHashMap<>();
    for (Map.Entry<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> e :
        byPartition.entrySet()) {
      for (ConsumerRecord<byte[], byte[]> record : e.getValue()) {
        if (dueAt(record).isAfter(now)) {
          waiting.put(e.getKey(), record);
          break;
        }
        due.add(record);
        done.put(e.getKey(), new OffsetAndMetadata(record.offset() + 1));
      }
    }
    // a failure here (database, broker) throws before anything is committed: the container's
    // error handler redelivers the batch, and handlers are idempotent
    dispatcher.dispatch(due, ConsumerRecord::key, handler);
    if (!done.isEmpty()) {
      consumer.commitSync(done);
    }
    waiting.forEach(
        (partition, record) -> {
          consumer.seek(partition, record.offset());
          pauseUntil(partition, dueAt(record));
        });
  }

  private void pauseUntil(TopicPartition partition, Instant dueAt) {
    MessageListenerContainer owner = container;
    if (owner == null) {
      return; // not attached (unit tests): the record is simply polled again
    }
    owner.pausePartition(partition);
    long millis = Math.max(1, Duration.between(clock.instant(), dueAt).toMillis());
    timer.schedule(() -> owner.resumePartition(partition), millis, TimeUnit.MILLISECONDS);
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
