package io.facecheck.reconciler;

import io.facecheck.contracts.Topics;
import io.facecheck.testinfra.TestKafka;
import io.facecheck.testinfra.TestPostgres;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Starts reconcilers in this JVM as the devstack does, against the test broker and a database. */
final class ReconcilerInstances {

  private ReconcilerInstances() {}

  static ConfigurableApplicationContext start(
      TestPostgres.Database db, Clock clock, String group, String name) {
    return start(db, clock, group, name, Map.of());
  }

  /** {@code extra}: settings of this test, over the ones every test uses. */
  static ConfigurableApplicationContext start(
      TestPostgres.Database db, Clock clock, String group, String name, Map<String, Object> extra) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", db.jdbcUrl());
    properties.put("spring.datasource.username", db.user());
    properties.put("spring.datasource.password", db.password());
    properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
    properties.put("spring.kafka.consumer.group-id", group);
    properties.put("management.server.port", "0");
    properties.put("facecheck.reconciler.ladder-interval", "50ms");
    properties.put("facecheck.reconciler.relay-interval", "20ms");
    properties.put("facecheck.reconciler.relay-standby-interval", "100ms");
    properties.put("facecheck.reconciler.source", "reconciler@" + name);
    properties.putAll(extra);
    return new SpringApplicationBuilder(ReconcilerApplication.class)
        .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
        .properties(properties)
        .run();
  }

  /** The pipeline's topics, with the partitions they have in production. */
  static void createTopics() {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      for (String topic :
          List.of(Topics.CALLBACKS, Topics.QUERIES, Topics.QUERY_RESULTS, Topics.RESULTS)) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(e);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** A producer of raw bytes, for records no well-behaved producer would write. */
  static KafkaTemplate<byte[], byte[]> rawProducer() {
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
  }

  /** A plain producer, standing in for intake and the worker. */
  static KafkaTemplate<String, String> producer() {
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
  }
}
