package io.facecheck.ops.connection;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Kafka clients for ops: raw bytes, so nothing is re-encoded on its way through. */
public final class KafkaClients {

  private KafkaClients() {}

  /**
   * A consumer without a group: it is used with {@code assign}, reads from explicit offsets and
   * never commits, so looking at a dead-letter topic moves no consumer group's position.
   */
  public static KafkaConsumer<byte[], byte[]> reader(ConnectionSettings settings) {
    int timeoutMs = (int) settings.timeout().toMillis();
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.bootstrapServers(),
            ConsumerConfig.CLIENT_ID_CONFIG,
            "facecheck-ops",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            timeoutMs,
            ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            timeoutMs),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  /** Idempotent, acks=all: a replay lands once, or fails visibly. */
  public static KafkaProducer<byte[], byte[]> publisher(ConnectionSettings settings) {
    int timeoutMs = (int) settings.timeout().toMillis();
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            settings.bootstrapServers(),
            ProducerConfig.CLIENT_ID_CONFIG,
            "facecheck-ops",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            timeoutMs,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            timeoutMs,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            timeoutMs + 5_000),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
