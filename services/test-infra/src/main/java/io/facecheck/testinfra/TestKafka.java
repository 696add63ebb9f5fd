package io.facecheck.testinfra;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker (KRaft) per test JVM: a container where Docker exists, spring-kafka's
 * embedded broker elsewhere. Tests create their own topics, named uniquely where they must not
 * share records.
 */
public final class TestKafka {

  private static String bootstrapServers;

  private TestKafka() {}

  public static synchronized String bootstrapServers() {
    if (bootstrapServers == null) {
      bootstrapServers = DockerAvailability.available() ? startContainer() : startEmbedded();
    }
    return bootstrapServers;
  }

  private static String startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
    broker.brokerProperties(
        Map.of(
            "auto.create.topics.enable", "true",
            "num.partitions", "6",
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", "6",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1"));
    broker.afterPropertiesSet();
    // stop before Kafka's own shutdown hook races us and logs errors
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return broker.getBrokersAsString();
  }

  private static String startContainer() {
    KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
    container.start();
    return container.getBootstrapServers();
  }
}
