package io.facecheck.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic with a real consumer (no group, every partition assigned): what landed since a
 * mark, and whether anything did at all.
 */
final class TopicProbe implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<TopicPartition> partitions;

  TopicProbe(String bootstrapServers, String topic, int partitions) {
    ensureTopic(bootstrapServers, topic, partitions);
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(this.partitions);
  }

  /** The current end offset of every partition. */
  Map<TopicPartition, Long> mark() {
    return consumer.endOffsets(partitions);
  }

  /** Every record after {@code mark}, polling until {@code expected} arrived or the time is up. */
  List<ConsumerRecord<String, byte[]>> since(
      Map<TopicPartition, Long> mark, int expected, Duration patience) {
    mark.forEach(consumer::seek);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    Instant deadline = Instant.now().plus(patience);
    while (records.size() < expected && Instant.now().isBefore(deadline)) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    // one more short poll: catches a record more than expected
    consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    return records;
  }

  private static void ensureTopic(String bootstrapServers, String topic, int partitions) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create " + topic, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
