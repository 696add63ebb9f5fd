package io.facecheck.devstack.infra;

/**
 * A Kafka broker the stack runs: in this JVM ({@link KafkaBroker}) or its own ({@link
 * KafkaProcess}).
 */
public interface Broker extends AutoCloseable {

  String bootstrapServers();

  @Override
  void close();
}
