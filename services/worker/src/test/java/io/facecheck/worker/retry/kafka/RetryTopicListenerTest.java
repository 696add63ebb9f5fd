package io.facecheck.worker.retry.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.retry.RetryHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RetryTopicListenerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String TOPIC = "verification-requests-retry-5s";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  private final ConcurrentLinkedQueue<Long> handled = new ConcurrentLinkedQueue<>();
  private final RetryTopicListener listener =
      new RetryTopicListener(
          new BatchDispatcher(Executors.newFixedThreadPool(2)),
          r -> {
            handled.add(r.partition() * 1000L + r.offset());
            return CompletableFuture.completedFuture(null);
          },
          Executors.newSingleThreadScheduledExecutor(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void handlesWhatIsDueCommitsItAndLeavesTheRestWaitingPerPartition() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(P0, P1));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));

    listener.onMessage(
        List.of(
            record(0, 10, NOW.minusSeconds(1)),
            record(0, 11, NOW),
            record(0, 12, NOW.plusSeconds(3)),
            record(0, 13, NOW.minusSeconds(9)), // behind a waiting record: waits too
            record(1, 20, NOW.plusSeconds(1)),
            record(1, 21, NOW.minusSeconds(1))),
        consumer);

    assertThat(handled).containsExactlyInAnyOrder(10L, 11L);
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(P0, P1));
    assertThat(committed.get(P0).offset()).isEqualTo(12);
    assertThat(committed.get(P1)).isNull(); // nothing of partition 1 is done
    assertThat(consumer.position(P0)).isEqualTo(12);
    assertThat(consumer.position(P1)).isEqualTo(20);
  }

  @Test
  void aRecordWithoutDueTimeIsDueNow() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(P0));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
    ConsumerRecord<byte[], byte[]> bare =
        new ConsumerRecord<>(TOPIC, 0, 5, "k".getBytes(UTF_8), "{}".getBytes(UTF_8));

    listener.onMessage(List.of(bare), consumer);

    assertThat(handled).containsExactly(5L);
    assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(6);
  }

  @Test
  void aDueTimeFurtherAwayThanAnyRetryWaitsIsNotBelievedAndIsDueNow() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.assign(List.of(P0));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));

    // a forged or far-off-clock header would otherwise pause the partition until next year
    listener.onMessage(
        List.of(record(0, 30, NOW.plus(java.time.Duration.ofDays(365))), record(0, 31, NOW)),
        consumer);

    assertThat(handled).containsExactlyInAnyOrder(30L, 31L);
    assertThat(RetryTopicListener.believableDueAt(record(0, 1, NOW.plusSeconds(30)), NOW, TEN_MIN))
        .isEqualTo(NOW.plusSeconds(30));
    assertThat(RetryTopicListener.believableDueAt(record(0, 1, NOW.plusSeconds(601)), NOW, TEN_MIN))
        .isEqualTo(Instant.EPOCH);
  }

  private static final java.time.Duration TEN_MIN = java.time.Duration.ofMinutes(10);

  private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, Instant due) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            TOPIC, partition, offset, ("k" + offset).getBytes(UTF_8), "{}".getBytes(UTF_8));
    record.headers().add(RetryHeaders.DUE_AT, due.toString().getBytes(UTF_8));
    return record;
  }
}
