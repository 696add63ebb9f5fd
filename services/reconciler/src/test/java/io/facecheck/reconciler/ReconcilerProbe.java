package io.facecheck.reconciler;

import static io.facecheck.testinfra.WholeTopicReader.keyed;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.testinfra.TestKafka;
import io.facecheck.testinfra.WholeTopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives a running reconciler as intake and the worker would, and watches what it does: the
 * commands and events on its topics, its tables, its consumer group's offsets.
 */
final class ReconcilerProbe implements AutoCloseable {

  private static final JsonMapper JSON = PayloadJson.mapper();

  final KafkaTemplate<String, String> producer = ReconcilerInstances.producer();
  private final KafkaTemplate<byte[], byte[]> rawProducer = ReconcilerInstances.rawProducer();
  final WholeTopicReader results = new WholeTopicReader(Topics.RESULTS);
  private final WholeTopicReader queries = new WholeTopicReader(Topics.QUERIES);
  private final Admin admin =
      Admin.create(
          Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  private final String group;
  private final Clock clock;
  private final VerificationDatabase db;
  private final JdbcClient sql;

  /** {@code group}: the reconciler's consumer group, whose offsets say what it handled. */
  ReconcilerProbe(String group, Clock clock, VerificationDatabase db) {
    this.group = group;
    this.clock = clock;
    this.db = db;
    this.sql = JdbcClient.create(db.dataSource);
  }

  // --- driving the reconciler as intake and worker would

  RecordMetadata sendCallback(UUID verificationId, Instant at) {
    return send(verificationId, VerificationCallback.of(UUID.randomUUID(), verificationId, at));
  }

  RecordMetadata sendResult(
      Verification v, QueryReason reason, QueryOutcome outcome, String failReason) {
    return send(
        v.id(),
        new VerificationQueryResult(
            1,
            UUID.randomUUID(),
            v.id(),
            v.certifyId(),
            reason,
            outcome,
            failReason,
            clock.instant()));
  }

  /** {@code copies} callbacks for one verification, sent at once; the last one's metadata. */
  RecordMetadata sendCallbacks(UUID verificationId, Instant at, int copies) {
    java.util.concurrent.CompletableFuture<
            org.springframework.kafka.support.SendResult<String, String>>
        last = null;
    for (int i = 0; i < copies; i++) {
      String value =
          JSON.writeValueAsString(VerificationCallback.of(UUID.randomUUID(), verificationId, at));
      last = producer.send(Topics.CALLBACKS, verificationId.toString(), value);
    }
    producer.flush();
    return last.join().getRecordMetadata();
  }

  /** A raw record on one partition, as a hostile or broken producer might write it. */
  RecordMetadata sendRaw(String topic, int partition, String key, byte[] value) {
    try {
      return rawProducer
          .send(
              topic,
              partition,
              key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              value)
          .get()
          .getRecordMetadata();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every query sent for the verification so far (once the recorder caught up). */
  List<VerificationQuery> queriesOf(UUID verificationId) {
    return queries.readToEnd(keyed(verificationId.toString())).stream()
        .map(r -> JSON.readValue(r.value(), VerificationQuery.class))
        .toList();
  }

  RecordMetadata send(UUID verificationId, Object payload) {
    String topic =
        payload instanceof VerificationCallback ? Topics.CALLBACKS : Topics.QUERY_RESULTS;
    try {
      return producer
          .send(topic, verificationId.toString(), JSON.writeValueAsString(payload))
          .get()
          .getRecordMetadata();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the reconciler's group has committed past this record: it was handled. */
  void awaitConsumed(RecordMetadata sent) {
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
              OffsetAndMetadata offset = committed.get(partition);
              return offset != null && offset.offset() > sent.offset();
            });
  }

  VerificationQuery awaitQuery(UUID verificationId, QueryReason reason) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                queries.readToEnd(keyed(verificationId.toString())).stream()
                    .map(r -> JSON.readValue(r.value(), VerificationQuery.class))
                    .filter(q -> q.reason() == reason)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /**
   * The query a recorded return made due: the callback's own, or the ladder's when its scan claimed
   * that due query between the callback recording the return and starting it (one query is enough;
   * under load the scan wins that race now and then).
   */
  VerificationQuery awaitReturnQuery(UUID verificationId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Instant returned = db.find(verificationId).userReturnedAt();
              return queries.readToEnd(keyed(verificationId.toString())).stream()
                  .map(r -> JSON.readValue(r.value(), VerificationQuery.class))
                  .filter(
                      q ->
                          q.reason() == QueryReason.CALLBACK
                              || (q.reason() == QueryReason.LADDER
                                  && returned != null
                                  && !q.requestedAt().isBefore(returned)))
                  .findFirst();
            },
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  void awaitStatus(UUID id, VerificationStatus status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> db.find(id).status() == status);
  }

  // --- observing it

  /** Every result event of the verification, once the relay has marked all of them published. */
  List<JsonNode> awaitAllRelayed(Verification v) {
    await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(v.id()) == 0);
    return results.readToEnd(keyed(key(v))).stream().map(r -> JSON.readTree(r.value())).toList();
  }

  String key(Verification v) {
    return Topics.resultKey(v.clientId(), v.requestId());
  }

  long unpublished(UUID id) {
    return sql.sql(
            "SELECT count(*) FROM outbox WHERE verification_id = :id AND published_at IS NULL")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  List<Transition> notes(UUID id, String cause) {
    return db.store.timeline(id).stream()
        .filter(t -> t.isNote() && t.cause().equals(cause))
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    queries.close();
    results.close();
    producer.destroy();
    rawProducer.destroy();
    admin.close();
  }
}
