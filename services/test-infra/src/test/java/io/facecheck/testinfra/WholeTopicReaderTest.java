package io.facecheck.testinfra;

import static io.facecheck.testinfra.WholeTopicReader.after;
import static io.facecheck.testinfra.WholeTopicReader.header;
import static io.facecheck.testinfra.WholeTopicReader.key;
import static io.facecheck.testinfra.WholeTopicReader.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reader against the real broker every module's tests use: each topic named for its test. */
class WholeTopicReaderTest {

  private static KafkaProducer<byte[], byte[]> producer;
  private static Admin admin;

  @BeforeAll
  static void connect() {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    admin.close();
  }

  @Test
  void readsEveryPartitionFromItsFirstRecordWithKeysValuesAndHeaders() throws Exception {
    String topic = createTopic(3);
    send(topic, 0, "a", "first", Map.of("reason", "A_REASON"));
    send(topic, 2, "b", "second", Map.of());
    send(topic, 2, null, "keyless", Map.of());

    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      List<ConsumerRecord<byte[], byte[]>> all = reader.readToEnd();

      assertThat(all)
          .extracting(WholeTopicReader::text)
          .containsExactlyInAnyOrder("first", "second", "keyless");
      ConsumerRecord<byte[], byte[]> first = reader.readToEnd(keyed("a")).get(0);
      assertThat(first.partition()).isZero();
      assertThat(first.offset()).isZero();
      assertThat(key(first)).isEqualTo("a");
      assertThat(header(first, "reason")).isEqualTo("A_REASON");
      assertThat(header(first, "absent")).isNull();
      assertThat(reader.readToEnd(r -> key(r) == null))
          .extracting(WholeTopicReader::text)
          .containsExactly("keyless");
    }
  }

  @Test
  void readToEndSeesWhatWasWrittenSinceTheLastRead() throws Exception {
    String topic = createTopic(2);
    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      assertThat(reader.readToEnd()).isEmpty();
      send(topic, 1, "k", "later", Map.of());
      assertThat(reader.readToEnd()).extracting(WholeTopicReader::text).containsExactly("later");
    }
  }

  @Test
  void awaitMatchingWaitsForRecordsWrittenWhileItReads() throws Exception {
    String topic = createTopic(2);
    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      CompletableFuture<List<ConsumerRecord<byte[], byte[]>>> awaited =
          CompletableFuture.supplyAsync(() -> reader.awaitMatching(keyed("wanted"), 2));
      send(topic, 0, "other", "x", Map.of());
      send(topic, 0, "wanted", "1", Map.of());
      send(topic, 1, "wanted", "2", Map.of());

      assertThat(awaited.get())
          .extracting(WholeTopicReader::text)
          .containsExactlyInAnyOrder("1", "2");
    }
  }

  @Test
  void awaitMatchingReturnsMoreThanItWaitedFor() throws Exception {
    String topic = createTopic(1);
    send(topic, 0, "k", "1", Map.of());
    send(topic, 0, "k", "2", Map.of());
    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      assertThat(reader.awaitMatching(keyed("k"), 1)).hasSize(2);
    }
  }

  @Test
  void awaitMatchingFailsNamingWhatItFoundWhenTooFewArrive() throws Exception {
    String topic = createTopic(1);
    send(topic, 0, "k", "only one", Map.of());
    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      assertThatThrownBy(() -> reader.awaitMatching(keyed("k"), 2, Duration.ofSeconds(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("only 1 of 2");
    }
  }

  @Test
  void afterAMarkOnlyLaterRecordsMatch() throws Exception {
    String topic = createTopic(2);
    send(topic, 0, "k", "before", Map.of());
    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      Map<TopicPartition, Long> mark = reader.mark();
      assertThat(reader.readToEnd(after(mark))).isEmpty();

      send(topic, 0, "k", "after", Map.of());
      send(topic, 1, "k", "after too", Map.of());

      assertThat(reader.awaitMatching(after(mark), 2))
          .extracting(WholeTopicReader::text)
          .containsExactlyInAnyOrder("after", "after too");
      assertThat(reader.mark()).isNotEqualTo(mark);
    }
  }

  @Test
  void readsATopicCreatedAndGrownAfterTheReader() throws Exception {
    String topic = "reader-" + UUID.randomUUID();
    try (WholeTopicReader reader = new WholeTopicReader(topic)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      send(topic, 0, "k", "on the first partition", Map.of());
      assertThat(reader.readToEnd()).hasSize(1);

      admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).all().get();
      send(topic, 1, "k", "on the added partition", Map.of());

      assertThat(reader.awaitMatching(r -> r.partition() == 1, 1))
          .extracting(WholeTopicReader::text)
          .containsExactly("on the added partition");
    }
  }

  @Test
  void readsAWholeTopicOnceAndListsTheBrokersTopics() throws Exception {
    String topic = createTopic(2);
    send(topic, 0, "k", "one", Map.of());
    send(topic, 1, "k", "two", Map.of());

    assertThat(WholeTopicReader.readAll(TestKafka.bootstrapServers(), topic)).hasSize(2);
    assertThat(WholeTopicReader.topics(TestKafka.bootstrapServers()))
        .contains(topic)
        .noneMatch(name -> name.startsWith("__"));
  }

  private static String createTopic(int partitions) throws Exception {
    String topic = "reader-" + UUID.randomUUID();
    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    return topic;
  }

  private static void send(
      String topic, int partition, String key, String value, Map<String, String> headers)
      throws Exception {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(StandardCharsets.UTF_8)));
    producer
        .send(
            new ProducerRecord<>(
                topic,
                partition,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                recordHeaders))
        .get();
  }
}
