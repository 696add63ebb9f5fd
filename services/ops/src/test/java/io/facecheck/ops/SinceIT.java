package io.facecheck.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.console.Progress;
import io.facecheck.ops.console.Ticker;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.kafka.DeadLetterTopicReader;
import io.facecheck.ops.deadletter.kafka.PartitionRange;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.testinfra.TestKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --since} on the real broker: each partition is read from its first offset whose timestamp
 * is at or after the time (offsetsForTimes), not from the beginning. Records stamped two hours
 * before sit in front of the ones stamped after; the reader's ranges and fetch count show it never
 * fetched them.
 */
class SinceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static StoredVerifications verifications;
  private static InProcessOps ops;
  private static KafkaProducer<byte[], byte[]> producer;

  @BeforeAll
  static void start() throws Exception {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    WorkerDeadLetters.createTopics();
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
  }

  @Test
  void sinceSeeksEachPartitionToItsFirstOffsetAtOrAfterTheTimeAndListsOnlyLaterRecords()
      throws Exception {
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String run = UUID.randomUUID().toString();
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      before.add(deadLetter(0, since.minus(Duration.ofHours(2)), run + "-old-" + i));
    }
    List<String> after = new ArrayList<>();
    after.add(deadLetter(0, since.plusMillis(1), run + "-new-0"));
    after.add(deadLetter(0, since.plusMillis(2), run + "-new-1"));
    after.add(deadLetter(1, since.plusMillis(3), run + "-new-2"));

    Run list =
        ops.run(
            "dlt",
            "list",
            "--json",
            "--topic",
            Topics.REQUESTS_DLT,
            "--since",
            since.toString(),
            "--limit",
            "100000");

    assertThat(list.code()).as(list.err()).isZero();
    List<String> listed = new ArrayList<>();
    for (String line : list.out().lines().toList()) {
      JsonNode row = JSON.readTree(line);
      listed.add(
          row.get("dlt_topic").asString()
              + "/"
              + row.get("dlt_partition").asInt()
              + "@"
              + row.get("dlt_offset").asLong());
    }
    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(after)
        .doesNotContainAnyElementsOf(before);

    // the reader's own positions: partition 0 starts at the first new record, behind the old
    // ones; partition 1 at its new record; the others at their end; only the new ones fetched
    try (DeadLetterTopicReader reader = new DeadLetterTopicReader(settings(), quiet())) {
      List<DeadLetterRecord> read = reader.readSince(List.of(Topics.REQUESTS_DLT), since);

      assertThat(read).extracting(DeadLetterRecord::coordinates).containsExactlyElementsOf(after);
      assertThat(reader.fetched()).isEqualTo(after.size());
      PartitionRange p0 = range(reader, 0);
      assertThat(p0.from()).isEqualTo(offsetOf(after.get(0)));
      assertThat(p0.from()).isGreaterThan(offsetOf(before.get(before.size() - 1)));
      assertThat(range(reader, 1).from()).isEqualTo(offsetOf(after.get(2)));
      assertThat(reader.lastRead())
          .filteredOn(r -> r.partition() > 1)
          .allSatisfy(r -> assertThat(r.size()).isZero());

      // without --since the same reader starts at the beginning and fetches the old records too
      reader.readAll(List.of(Topics.REQUESTS_DLT));
      assertThat(range(reader, 0).from()).isLessThanOrEqualTo(offsetOf(before.get(0)));
      assertThat(reader.fetched()).isGreaterThanOrEqualTo(before.size() + after.size());
    }
  }

  @Test
  void aSinceAfterEveryRecordReadsNothingAndSaysSo() {
    Instant future = Instant.now().plus(Duration.ofMinutes(30));

    try (DeadLetterTopicReader reader = new DeadLetterTopicReader(settings(), quiet())) {
      assertThat(reader.readSince(List.of(Topics.REQUESTS_DLT), future)).isEmpty();
      assertThat(reader.fetched()).isZero();
      assertThat(reader.lastRead()).allSatisfy(r -> assertThat(r.size()).isZero());
    }
    Run list = ops.run("dlt", "list", "--topic", Topics.REQUESTS_DLT, "--since", future.toString());
    assertThat(list.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(list.err()).contains("no dead letters in " + Topics.REQUESTS_DLT + " since");
  }

  private static String deadLetter(int partition, Instant timestamp, String requestId)
      throws Exception {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            Topics.REQUESTS_DLT,
            partition,
            timestamp.toEpochMilli(),
            requestId.getBytes(UTF_8),
            WorkerDeadLetters.requestJson(requestId));
    record.headers().add(DeadLetterHeaders.REASON, "RETRIES_EXHAUSTED".getBytes(UTF_8));
    record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, Topics.REQUESTS.getBytes(UTF_8));
    RecordMetadata landed = producer.send(record).get();
    return landed.topic() + "/" + landed.partition() + "@" + landed.offset();
  }

  private static long offsetOf(String coordinates) {
    return Long.parseLong(coordinates.substring(coordinates.indexOf('@') + 1));
  }

  private static PartitionRange range(DeadLetterTopicReader reader, int partition) {
    return reader.lastRead().stream()
        .filter(r -> r.partition() == partition)
        .findFirst()
        .orElseThrow();
  }

  private static ConnectionSettings settings() {
    return new ConnectionSettings(
        TestKafka.bootstrapServers(),
        verifications.db.jdbcUrl(),
        verifications.db.user(),
        verifications.db.password(),
        Duration.ofSeconds(30));
  }

  private static Progress quiet() {
    return new Progress(new PrintWriter(new StringWriter()), Progress.Style.NONE, Ticker.system());
  }
}
