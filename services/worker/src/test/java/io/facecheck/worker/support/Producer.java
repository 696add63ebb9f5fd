package io.facecheck.worker.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.testinfra.TestKafka;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends raw records, as a business service (or a broken one) would. */
public final class Producer implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestKafka.bootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all"),
          new ByteArraySerializer(),
          new ByteArraySerializer());

  public void send(String topic, String key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(UTF_8), value));
  }

  /** Sends with headers (e.g. spoofed facecheck-* ones), as any producer can. */
  public void send(String topic, String key, byte[] value, Map<String, String> headers) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, key == null ? null : key.getBytes(UTF_8), value);
    headers.forEach((k, v) -> record.headers().add(k, v == null ? null : v.getBytes(UTF_8)));
    producer.send(record);
  }

  /** Sends to one partition, whatever the key (or none), with headers. */
  public void sendTo(
      String topic, int partition, byte[] key, byte[] value, Map<String, byte[]> headers) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, key, value);
    headers.forEach((k, v) -> record.headers().add(k, v));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends to one partition without waiting (records sent together tend to share a batch). */
  public void sendToLater(String topic, int partition, byte[] key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, partition, key, value));
  }

  /** Sends and waits for the broker: where the record landed. */
  public RecordMetadata sendNow(String topic, String key, byte[] value) {
    return sendNow(new ProducerRecord<>(topic, key == null ? null : key.getBytes(UTF_8), value));
  }

  public RecordMetadata sendNow(ProducerRecord<byte[], byte[]> record) {
    try {
      return producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What an ops replay does: the dead-lettered record, headers and all, back to {@code topic}. */
  public void replay(ConsumerRecord<byte[], byte[]> deadLetter, String topic) {
    ProducerRecord<byte[], byte[]> again =
        new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value());
    for (Header header : deadLetter.headers()) {
      again.headers().add(header);
    }
    producer.send(again);
    producer.flush();
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
