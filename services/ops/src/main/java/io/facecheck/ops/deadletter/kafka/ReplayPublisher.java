package io.facecheck.ops.deadletter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.KafkaClients;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;

/**
 * Publishes a dead letter back to the topic it was first consumed from: the same key and value
 * bytes, the original headers, on the partition it came from (so it queues behind the same key's
 * records, as the first time). The facecheck-* diagnostics are left off: on a main topic they mean
 * nothing, and a replay that fails again gets fresh ones. {@value #REPLAYED_FROM} names the dead
 * letter it came from, for whoever traces it later.
 */
public final class ReplayPublisher implements RecordPublisher, AutoCloseable {

  public static final String REPLAYED_FROM = "facecheck-replayed-from";
  private static final String DIAGNOSTICS = "facecheck-";

  private final KafkaProducer<byte[], byte[]> producer;
  private final ConnectionSettings settings;

  public ReplayPublisher(ConnectionSettings settings) {
    this.settings = settings;
    this.producer = KafkaClients.publisher(settings);
  }

  /** A future of where the record landed; {@link #await} it. */
  @Override
  public Future<RecordMetadata> publish(DeadLetterRecord record, String topic) {
    ProducerRecord<byte[], byte[]> replay =
        new ProducerRecord<>(topic, partitionFor(record, topic), record.key(), record.value());
    for (DeadLetterRecord.Header header : record.headers()) {
      if (!header.key().startsWith(DIAGNOSTICS)) {
        replay.headers().add(header.key(), header.value());
      }
    }
    replay.headers().add(REPLAYED_FROM, record.coordinates().getBytes(UTF_8));
    try {
      return producer.send(replay);
    } catch (KafkaException e) {
      throw unreachable(e);
    }
  }

  @Override
  public RecordMetadata await(Future<RecordMetadata> sent) {
    try {
      return sent.get();
    } catch (ExecutionException e) {
      throw unreachable(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(e);
    }
  }

  /** The original partition when the topic still has it; else the key decides, as it did then. */
  private Integer partitionFor(DeadLetterRecord record, String topic) {
    Integer original = record.originalPartition().orElse(null);
    if (original == null) {
      return null;
    }
    List<PartitionInfo> partitions;
    try {
      partitions = producer.partitionsFor(topic);
    } catch (KafkaException e) {
      throw unreachable(e);
    }
    return original >= 0 && original < partitions.size() ? original : null;
  }

  private ConnectionFailure unreachable(Throwable e) {
    return new ConnectionFailure(
        "cannot publish to Kafka at " + settings.bootstrapServers() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    // bounded: with the broker gone, an unbounded close would wait for sends that never finish
    producer.close(settings.timeout());
  }
}
