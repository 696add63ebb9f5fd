package io.facecheck.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.process.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker in its own process keeps every acknowledged record across a stop and a SIGKILL. */
class KafkaProcessIT {

  private static final String TOPIC = "restart-test";

  @TempDir static Path dir;

  private static KafkaProcess broker;

  @BeforeAll
  static void start() {
    broker =
        KafkaProcess.startFresh(
            dir.resolve("kafka"),
            FreePorts.resolve(0),
            3,
            List.of(new NewTopic(TOPIC, 3, (short) 1)));
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void acknowledgedRecordsSurviveAStopAndAKill() throws Exception {
    List<String> sent = new ArrayList<>(produce("before-stop-", 500));
    broker.stop();
    assertThat(broker.isRunning()).isFalse();
    broker.start();
    sent.addAll(produce("after-restart-", 500));
    assertThat(broker.kill()).isEqualTo(ChildJvm.KILLED_BY_SIGKILL);
    broker.start();

    assertThat(consumeAll()).containsExactlyInAnyOrderElementsOf(sent);
  }

  private static List<String> produce(String prefix, int count) throws Exception {
    List<String> values = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        String value = prefix + i;
        values.add(value);
        acks.add(producer.send(new ProducerRecord<>(TOPIC, value, value)));
      }
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
    }
    return values;
  }

  private static List<String> consumeAll() {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TOPIC).stream()
              .map(p -> new TopicPartition(TOPIC, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
          values.add(
              new String(r.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }
}
