package io.facecheck.devstack.infra;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft combined mode, reachable on a fixed port. Its data lives in a
 * temporary directory and goes when it stops: the dev stack starts from empty topics every time.
 */
public final class KafkaBroker implements Broker {

  private final EmbeddedKafkaKraftBroker broker;
  private final String bootstrapServers;

  private KafkaBroker(EmbeddedKafkaKraftBroker broker, String bootstrapServers) {
    this.broker = broker;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts a broker listening on localhost:{@code port} and creates {@code topics}. */
  public static KafkaBroker start(int port, int partitions, Collection<NewTopic> topics) {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions);
    Map<String, String> properties = new LinkedHashMap<>();
    // the embedded broker ignores kafkaPorts(..) in KRaft mode: a third listener holds the fixed
    // port, beside the two it picks free ports for
    properties.put(
        "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,DEV://localhost:" + port);
    properties.put(
        "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,DEV:PLAINTEXT");
    // topics a service creates on first use (retry topics) get the same partitions
    properties.put("auto.create.topics.enable", "true");
    properties.put("num.partitions", String.valueOf(partitions));
    properties.put("group.initial.rebalance.delay.ms", "0");
    properties.put("offsets.topic.num.partitions", String.valueOf(partitions));
    properties.put("transaction.state.log.replication.factor", "1");
    properties.put("transaction.state.log.min.isr", "1");
    broker.brokerProperties(properties);
    broker.afterPropertiesSet();
    KafkaBroker started = new KafkaBroker(broker, "localhost:" + port);
    try {
      broker.addTopics(topics.toArray(NewTopic[]::new));
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    broker.destroy();
  }
}
