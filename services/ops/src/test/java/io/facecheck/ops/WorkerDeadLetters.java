package io.facecheck.ops;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records on the real broker as the worker leaves them: the original on its main topic, then its
 * dead letter with the same key and value, the original headers and those of {@link
 * DeadLetterHeaders}. Also reads a main topic back, to see what a replay published.
 */
final class WorkerDeadLetters implements AutoCloseable {

  static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A dead letter as published, and where its original was. */
  record Letter(
      String topic,
      int partition,
      long offset,
      byte[] key,
      byte[] value,
      int originalPartition,
      String original) {

    String coordinates() {
      return topic + "/" + partition + "@" + offset;
    }
  }

  private final KafkaProducer<byte[], byte[]> producer =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestKafka.bootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all"),
          new ByteArraySerializer(),
          new ByteArraySerializer());

  /** Main and dead-letter topics with equal partition counts, as the worker creates them. */
  static void createTopics() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      List<NewTopic> missing = new ArrayList<>();
      for (String topic :
          List.of(Topics.REQUESTS, Topics.REQUESTS_DLT, Topics.QUERIES, Topics.QUERIES_DLT)) {
        if (!admin.listTopics().names().get().contains(topic)) {
          missing.add(new NewTopic(topic, 3, (short) 1));
        }
      }
      admin.createTopics(missing).all().get();
    }
  }

  Letter ofRequest(String requestId, DeadLetterReason reason) throws Exception {
    return publish(
        Topics.REQUESTS,
        requestId,
        requestJson(requestId),
        reason,
        "Alipay answered 40002 isv.invalid-signature for cert_no " + StoredVerifications.MASKED_NO);
  }

  Letter ofQuery(Verification v) throws Exception {
    VerificationQuery query =
        VerificationQuery.of(
            UUID.randomUUID(), v.id(), "default", "cid-1", QueryReason.LADDER, Instant.now());
    return publish(
        Topics.QUERIES,
        v.id().toString(),
        JSON.writeValueAsBytes(query),
        DeadLetterReason.RETRIES_EXHAUSTED,
        "HTTP 502 from the gateway");
  }

  Letter publish(
      String mainTopic, String key, byte[] value, DeadLetterReason reason, String message)
      throws Exception {
    byte[] keyBytes = key.getBytes(UTF_8);
    ProducerRecord<byte[], byte[]> first = new ProducerRecord<>(mainTopic, keyBytes, value);
    first.headers().add("traceparent", TRACEPARENT.getBytes(UTF_8));
    RecordMetadata consumed = producer.send(first).get();
    String dlt = mainTopic + Topics.DLT_SUFFIX;
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(dlt, consumed.partition(), keyBytes, value);
    first.headers().forEach(h -> letter.headers().add(h));
    Instant failedAt = Instant.now();
    add(letter, DeadLetterHeaders.REASON, reason.code());
    add(letter, DeadLetterHeaders.ORIGINAL_TOPIC, mainTopic);
    add(letter, DeadLetterHeaders.ORIGINAL_PARTITION, "" + consumed.partition());
    add(letter, DeadLetterHeaders.ORIGINAL_OFFSET, "" + consumed.offset());
    add(letter, DeadLetterHeaders.ATTEMPTS, "12");
    add(letter, DeadLetterHeaders.FIRST_FAILURE_AT, failedAt.minusSeconds(60).toString());
    add(letter, DeadLetterHeaders.LAST_FAILURE_AT, failedAt.toString());
    add(letter, DeadLetterHeaders.ERROR_MESSAGE, message);
    RecordMetadata landed = producer.send(letter).get();
    return new Letter(
        dlt,
        landed.partition(),
        landed.offset(),
        keyBytes,
        value,
        consumed.partition(),
        mainTopic + "/" + consumed.partition() + "@" + consumed.offset());
  }

  /** A record on the dead-letter topic that no worker wrote: no facecheck-original-topic. */
  Letter withoutOriginalTopic(String key) throws Exception {
    byte[] value = {(byte) 0xC3, 0x28};
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(Topics.REQUESTS_DLT, key.getBytes(UTF_8), value);
    add(letter, DeadLetterHeaders.REASON, DeadLetterReason.NOT_UTF8.code());
    RecordMetadata landed = producer.send(letter).get();
    return new Letter(
        Topics.REQUESTS_DLT, landed.partition(), landed.offset(), letter.key(), value, -1, null);
  }

  static byte[] requestJson(String requestId) {
    ObjectNode json = JSON.createObjectNode();
    json.put("schema_version", 1);
    json.put("request_id", requestId);
    json.put("client_id", StoredVerifications.CLIENT_ID);
    json.put("biz_code", "FACE");
    ObjectNode identity = json.putObject("identity");
    identity.put("cert_type", "IDENTITY_CARD");
    identity.put("cert_name", StoredVerifications.CERT_NAME);
    identity.put("cert_no", StoredVerifications.CERT_NO);
    json.put("return_url", "https://loan.example/kyc/done");
    return JSON.writeValueAsBytes(json);
  }

  static long endOffset(TopicPartition tp) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      return consumer.endOffsets(List.of(tp)).get(tp);
    }
  }

  static ConsumerRecord<byte[], byte[]> recordAt(TopicPartition tp, long offset) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      consumer.assign(List.of(tp));
      consumer.seek(tp, offset);
      for (int polls = 0; polls < 100; polls++) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() == offset) {
            return record;
          }
        }
      }
      throw new AssertionError("no record at " + tp + "@" + offset);
    }
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    return new String(record.headers().lastHeader(key).value(), UTF_8);
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static void add(ProducerRecord<byte[], byte[]> record, String key, String value) {
    record.headers().add(key, value.getBytes(UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
