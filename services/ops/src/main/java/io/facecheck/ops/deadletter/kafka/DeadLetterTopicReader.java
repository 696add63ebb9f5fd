package io.facecheck.ops.deadletter.kafka;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.KafkaClients;
import io.facecheck.ops.console.Progress;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads dead-letter topics from the beginning (or, with a time, from each partition's first offset
 * at or after it, found by the broker's time index through {@code offsetsForTimes}) up to the end
 * offsets seen when it started, with {@code assign} and no consumer group: nothing is committed, no
 * worker's position moves, and a record arriving meanwhile waits for the next run.
 */
public final class DeadLetterTopicReader implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ConnectionSettings settings;
  private final Progress progress;
  private List<PartitionRange> lastRead = List.of();
  private long fetched;

  public DeadLetterTopicReader(ConnectionSettings settings, Progress progress) {
    this.settings = settings;
    this.progress = progress;
    this.consumer = connect(settings);
  }

  /** Every record of {@code topics}, ordered by topic, partition and offset. */
  public List<DeadLetterRecord> readAll(List<String> topics) {
    return readSince(topics, null);
  }

  /**
   * The records of {@code topics} from each partition's first offset whose timestamp is at or after
   * {@code since} (every record when null). A partition with none is not read at all.
   */
  public List<DeadLetterRecord> readSince(List<String> topics, Instant since) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      partitions.addAll(partitionsOf(topic));
    }
    return read(
        partitions, since == null ? Map.of() : offsetsAtOrAfter(partitions, since), Map.of());
  }

  /** What the last read covered, partition by partition, for progress and for tests. */
  public List<PartitionRange> lastRead() {
    return lastRead;
  }

  /** How many records the last read fetched from the broker (before any filter). */
  public long fetched() {
    return fetched;
  }

  /** The record at {@code offset}, if the partition still holds it. */
  public Optional<DeadLetterRecord> readOne(String topic, int partition, long offset) {
    TopicPartition tp = new TopicPartition(topic, partition);
    if (!partitionsOf(topic).contains(tp)) {
      return Optional.empty();
    }
    return read(List.of(tp), Map.of(tp, offset), Map.of(tp, offset + 1)).stream()
        .filter(r -> r.offset() == offset)
        .findFirst();
  }

  /** The partitions of {@code topic}; none when it does not exist (nothing dead-lettered yet). */
  public List<TopicPartition> partitionsOf(String topic) {
    try {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, settings.timeout());
      return infos == null
          ? List.of()
          : infos.stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .sorted(Comparator.comparingInt(TopicPartition::partition))
              .toList();
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  /**
   * Per partition, the first offset whose timestamp is at or after {@code since}; the end offset
   * where there is none (then nothing is read there).
   */
  private Map<TopicPartition, Long> offsetsAtOrAfter(
      List<TopicPartition> partitions, Instant since) {
    if (partitions.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
    try {
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> from = new HashMap<>();
      for (TopicPartition tp : partitions) {
        OffsetAndTimestamp at = found.get(tp);
        from.put(tp, at == null ? end.get(tp) : at.offset());
      }
      return from;
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  /**
   * From {@code from} (else the beginning) up to {@code upTo} (else the end offset), per partition.
   */
  private List<DeadLetterRecord> read(
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> upTo) {
    fetched = 0;
    if (partitions.isEmpty()) {
      lastRead = List.of();
      return List.of();
    }
    try {
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      upTo.forEach((tp, limit) -> end.merge(tp, limit, Math::min));
      Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
      List<PartitionRange> ranges = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        long start = Math.max(from.getOrDefault(tp, beginning.get(tp)), beginning.get(tp));
        if (start >= end.get(tp)) {
          end.put(tp, 0L); // at or past the end: nothing to read there
          ranges.add(new PartitionRange(tp.topic(), tp.partition(), start, start));
        } else {
          consumer.seek(tp, start);
          ranges.add(new PartitionRange(tp.topic(), tp.partition(), start, end.get(tp)));
        }
      }
      lastRead = List.copyOf(ranges);
      List<DeadLetterRecord> records = new ArrayList<>();
      long total = ranges.stream().mapToLong(PartitionRange::size).sum();
      try (Progress.Phase phase = progress.begin("reading dead letters", total)) {
        Instant deadline = Instant.now().plus(settings.timeout().multipliedBy(4));
        while (!atEnd(partitions, end)) {
          ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
          if (!batch.isEmpty()) {
            // records keep coming: the deadline is for a broker that stopped answering
            deadline = Instant.now().plus(settings.timeout().multipliedBy(4));
          } else if (Instant.now().isAfter(deadline)) {
            throw new ConnectionFailure(
                "Kafka at " + settings.bootstrapServers() + " stopped delivering records", null);
          }
          for (ConsumerRecord<byte[], byte[]> record : batch) {
            fetched++;
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < end.get(tp)) {
              records.add(toRecord(record));
            }
          }
          phase.step(batch.count());
        }
      }
      records.sort(
          Comparator.comparing(DeadLetterRecord::topic)
              .thenComparingInt(DeadLetterRecord::partition)
              .thenComparingLong(DeadLetterRecord::offset));
      return records;
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  /** Positions, not record counts: compaction and transaction markers leave offset gaps. */
  private boolean atEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
    for (TopicPartition tp : partitions) {
      if (end.get(tp) > 0 && consumer.position(tp) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }

  private static DeadLetterRecord toRecord(ConsumerRecord<byte[], byte[]> record) {
    List<DeadLetterRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new DeadLetterRecord.Header(header.key(), header.value()));
    }
    return new DeadLetterRecord(
        record.topic(),
        record.partition(),
        record.offset(),
        Instant.ofEpochMilli(record.timestamp()),
        record.key(),
        record.value(),
        headers);
  }

  private ConnectionFailure unreachable(KafkaException e) {
    return new ConnectionFailure(
        "cannot read from Kafka at " + settings.bootstrapServers() + ": " + e.getMessage(), e);
  }

  private static KafkaConsumer<byte[], byte[]> connect(ConnectionSettings settings) {
    try {
      return KafkaClients.reader(settings);
    } catch (KafkaException e) {
      // e.g. no resolvable bootstrap address
      throw new ConnectionFailure(
          "cannot connect to Kafka at " + settings.bootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    // bounded: a consumer without a group has nothing to commit or leave
    consumer.close(Duration.ofSeconds(Math.min(5, settings.timeout().toSeconds())));
  }
}
