package io.facecheck.ops.connection;

import java.util.HashMap;
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
    return new KafkaConsumer<>(
        readerConfig(settings), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static Map<String, Object> readerConfig(ConnectionSettings settings) {
    int timeoutMs = (int) settings.timeout().toMillis();
    return withClientProperties(
        settings,
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
            timeoutMs,
            ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
            connectMs(timeoutMs),
            ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
            connectMs(timeoutMs)));
  }

  /** Idempotent, acks=all: a replay lands once, or fails visibly. */
  public static KafkaProducer<byte[], byte[]> publisher(ConnectionSettings settings) {
    return new KafkaProducer<>(
        publisherConfig(settings), new ByteArraySerializer(), new ByteArraySerializer());
  }

  static Map<String, Object> publisherConfig(ConnectionSettings settings) {
    int timeoutMs = (int) settings.timeout().toMillis();
    return withClientProperties(
        settings,
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
            timeoutMs + 5_000,
            ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG,
            connectMs(timeoutMs),
            ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG,
            connectMs(timeoutMs)));
  }

  /**
   * One connection attempt may take at most this long (Kafka's default grows to 30 s), so an
   * unreachable broker is retried within the timeout instead of using it up on one attempt.
   */
  private static int connectMs(int timeoutMs) {
    return Math.max(500, Math.min(10_000, timeoutMs / 3));
  }

  /**
   * The file's properties (security, TLS, SASL) beneath the tool's own: what ops relies on (no
   * group, no commits, idempotence, acks=all, its timeouts, its bootstrap servers) always wins.
   */
  private static Map<String, Object> withClientProperties(
      ConnectionSettings settings, Map<String, Object> own) {
    Map<String, Object> config = new HashMap<>(settings.kafkaProperties());
    config.putAll(own);
    return config;
  }
}
