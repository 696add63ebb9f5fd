package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** verification-results read whole, from the first record to the current end, without a group. */
final class ResultsTopic {

  /** One record as it sits on the topic, with the event it carries. */
  record Delivered(
      int partition, long offset, String key, String payload, VerificationResult event) {}

  private ResultsTopic() {}

  static List<Delivered> readAll(String bootstrapServers) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.RESULTS).stream()
              .map(p -> new TopicPartition(Topics.RESULTS, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<Delivered> delivered = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          delivered.add(
              new Delivered(
                  r.partition(),
                  r.offset(),
                  new String(r.key(), StandardCharsets.UTF_8),
                  new String(r.value(), StandardCharsets.UTF_8),
                  PayloadJson.mapper().readValue(r.value(), VerificationResult.class)));
        }
      }
      return delivered;
    }
  }
}
