package io.facecheck.devstack.demo;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads verification-results from the beginning on its own thread, as a downstream system would,
 * handing each event and the moment it arrived to a listener.
 */
public final class ResultWatcher implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  public ResultWatcher(String bootstrapServers, BiConsumer<VerificationResult, Long> onEvent) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.RESULTS).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    JsonMapper json = PayloadJson.mapper();
    this.thread =
        new Thread(
            () -> {
              while (running) {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(100))) {
                  onEvent.accept(
                      json.readValue(record.value(), VerificationResult.class), System.nanoTime());
                }
              }
              consumer.close();
            },
            "devstack-result-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
