package io.facecheck.worker.dispatch.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.worker.dispatch.BatchDispatcher;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettlingBatchListenerTest {

  private static final String TOPIC = "verification-requests";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final ConcurrentLinkedQueue<Long> handled = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean databaseDown = new AtomicBoolean(true);
  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private SettlingBatchListener listener(Duration budget, long failingOffset) {
    return new SettlingBatchListener(
        new BatchDispatcher(pool),
        r -> {
          if (r.offset() == failingOffset && databaseDown.get()) {
            throw new SQLTransientConnectionExceptionWrapper();
          }
          handled.add(r.offset());
          return CompletableFuture.completedFuture(null);
        },
        r -> Instant.EPOCH,
        budget,
        Executors.newSingleThreadScheduledExecutor(),
        Clock.systemUTC());
  }

  @Test
  void aTransientFailureCommitsWhatIsBeforeItAndRedoesOnlyItWhenHandedBack() {
    assign();
    SettlingBatchListener listener = listener(Duration.ofMinutes(1), 11);
    List<ConsumerRecord<byte[], byte[]>> batch =
        List.of(record(0, 10, "a"), record(0, 11, "b"), record(0, 12, "c"), record(1, 20, "d"));

    listener.onBatch(batch, consumer);

    assertThat(handled).containsExactlyInAnyOrder(10L, 12L, 20L);
    assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(11);
    assertThat(consumer.committed(Set.of(P1)).get(P1).offset()).isEqualTo(21);
    assertThat(consumer.position(P0)).isEqualTo(11); // the failed record comes back next poll
    assertThat(listener.heldBack()).isEqualTo(1); // offset 12: done, waiting behind 11

    // the database is back; Kafka hands over 11 and 12 again: only 11 runs
    databaseDown.set(false);
    handled.clear();
    listener.onBatch(List.of(record(0, 11, "b"), record(0, 12, "c")), consumer);

    assertThat(handled).containsExactly(11L);
    assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(13);
    assertThat(listener.heldBack()).isZero();
  }

  @Test
  void recordsNotStartedWithinTheTimeBudgetAreHandedBackUncommitted() {
    assign();
    SettlingBatchListener listener = listener(Duration.ZERO, -1);

    listener.onBatch(List.of(record(0, 10, "a"), record(0, 11, "b")), consumer);

    assertThat(handled).isEmpty();
    assertThat(consumer.committed(Set.of(P0)).get(P0)).isNull();
    assertThat(consumer.position(P0)).isEqualTo(10);
  }

  private void assign() {
    consumer.assign(List.of(P0, P1));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
  }

  private static ConsumerRecord<byte[], byte[]> record(int partition, long offset, String key) {
    return new ConsumerRecord<>(TOPIC, partition, offset, key.getBytes(UTF_8), new byte[0]);
  }

  /** What a lost PostgreSQL connection looks like through Spring. */
  static final class SQLTransientConnectionExceptionWrapper extends RuntimeException {
    SQLTransientConnectionExceptionWrapper() {
      super("connection lost", new SQLTransientConnectionException("08006"));
    }
  }
}
