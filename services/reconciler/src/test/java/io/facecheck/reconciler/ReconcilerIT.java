package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.reconciler.config.PollingLoop;
import io.facecheck.reconciler.relay.Outbox;
import io.facecheck.reconciler.relay.OutboxRelay;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.jdbc.OutboxEntry;
import io.facecheck.statemachine.jdbc.OutboxReader;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciler on a real Kafka broker and a real PostgreSQL, driven as intake and worker would.
 */
class ReconcilerIT {

  private static final String GROUP = "facecheck-reconciler";
  private static final JsonMapper JSON = PayloadJson.mapper();

  private static MutableClock clock;
  private static Verifications db;
  private static JdbcClient sql;
  private static ConfigurableApplicationContext reconciler;
  private static KafkaTemplate<String, String> producer;
  private static TopicRecorder queries;
  private static TopicRecorder results;
  private static Admin admin;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = Verifications.inNewDatabase(clock);
    sql = JdbcClient.create(db.dataSource);
    reconciler = ReconcilerInstances.start(db.database, clock, GROUP, "it-a");
    producer = ReconcilerInstances.producer();
    queries = new TopicRecorder(TestKafka.bootstrapServers(), Topics.QUERIES);
    results = new TopicRecorder(TestKafka.bootstrapServers(), Topics.RESULTS);
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reconciler.close();
    queries.close();
    results.close();
    producer.destroy();
    admin.close();
  }

  @Test
  void queriesAtOnceWhenTheUserComesBack() {
    Verification v = db.awaitingUser();
    Instant returnedAt = clock.instant();

    sendCallback(v.id(), returnedAt);

    VerificationQuery query = awaitQuery(v.id(), QueryReason.CALLBACK);
    assertThat(query.certifyId()).isEqualTo(v.certifyId());
    assertThat(query.app()).isEqualTo("default");
    assertThat(db.find(v.id()).userReturnedAt()).isEqualTo(returnedAt);
  }

  @Test
  void queriesAtOnceWhenTheUserCameBackWhileAlipayWasStillBeingCalled() {
    Verification initializing = db.initializing();
    Instant returnedAt = clock.instant();

    awaitConsumed(sendCallback(initializing.id(), returnedAt));

    Verification recorded = db.find(initializing.id());
    assertThat(recorded.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(recorded.userReturnedAt()).isEqualTo(returnedAt);
    assertThat(notes(recorded.id(), Causes.USER_RETURNED)).hasSize(1);

    Verification awaiting = db.issueCertifyUrl(recorded);

    // the clock stands still: without the recorded return the first query would wait a minute
    VerificationQuery query = awaitQuery(awaiting.id(), QueryReason.LADDER);
    assertThat(query.certifyId()).isEqualTo(awaiting.certifyId());
  }

  @Test
  void keepsTheFirstReturnTimeWhenTheCallbackRepeats() {
    Verification v = db.awaitingUser();
    Instant first = clock.instant();
    sendCallback(v.id(), first);
    awaitQuery(v.id(), QueryReason.CALLBACK);

    awaitConsumed(sendCallback(v.id(), first.plusSeconds(5)));

    Verification after = db.find(v.id());
    assertThat(after.userReturnedAt()).isEqualTo(first);
    assertThat(after.status()).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  @Test
  void passesAndPublishesExactlyOnePassedEventAfterTheCertifyUrl() {
    Verification v = db.awaitingUser();

    sendResult(v, QueryReason.LADDER, QueryOutcome.PASSED, null);

    awaitStatus(v.id(), VerificationStatus.PASSED);
    List<JsonNode> events = awaitAllRelayed(v);
    assertThat(events)
        .extracting(e -> e.get("type").asString())
        .containsExactly("verification.certify_url_issued", "verification.passed");
    JsonNode passed = events.get(1);
    assertThat(passed.get("event_id").asString())
        .isEqualTo(VerificationResult.eventIdFor(v.id(), ResultType.PASSED).toString());
    assertThat(passed.get("status").asString()).isEqualTo("PASSED");
    assertThat(passed.get("final").asBoolean()).isTrue();
  }

  @Test
  void keepsWaitingOnNotPassedBeforeTheUserReturns() {
    Verification v = db.awaitingUser();

    awaitConsumed(sendResult(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null));

    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  @Test
  void failsOnNotPassedAfterTheUserReturned() {
    Verification v = db.awaitingUser();
    awaitConsumed(sendResult(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null));
    sendCallback(v.id(), clock.instant());
    VerificationQuery query = awaitQuery(v.id(), QueryReason.CALLBACK);

    send(
        v.id(),
        VerificationQueryResult.answering(
            query, QueryOutcome.NOT_PASSED, "FACE_MISMATCH", clock.instant()));

    awaitStatus(v.id(), VerificationStatus.FAILED);
    assertThat(db.find(v.id()).failure().message()).isEqualTo("FACE_MISMATCH");
    List<JsonNode> events = awaitAllRelayed(v);
    assertThat(events.get(1).get("type").asString()).isEqualTo("verification.failed");
    assertThat(events.get(1).get("error").get("message").asString()).isEqualTo("FACE_MISMATCH");
  }

  @Test
  void sendsALadderQueryWhenAStepIsDueAndSchedulesTheNextStep() {
    Verification v = db.awaitingUser();
    Instant since = clock.instant();

    clock.advance(Duration.ofSeconds(61));

    VerificationQuery query = awaitQuery(v.id(), QueryReason.LADDER);
    assertThat(query.requestedAt()).isEqualTo(clock.instant());
    await()
        .untilAsserted(
            () ->
                assertThat(db.find(v.id()).nextQueryAt())
                    .isEqualTo(since.plus(Duration.ofMinutes(3))));
    assertThat(db.find(v.id()).queryAttempts()).isEqualTo(1);
  }

  @Test
  void sendsAFinalQueryAtExpiryAndExpiresOnlyAfterItsAnswer() {
    Verification v = db.awaitingUser();
    // a ladder answer after expiry, before the final query went out, must not expire it
    clock.advance(Duration.ofSeconds(900));
    awaitConsumed(sendResult(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null));
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.AWAITING_USER);

    VerificationQuery last = awaitQuery(v.id(), QueryReason.FINAL);
    send(
        v.id(),
        VerificationQueryResult.answering(last, QueryOutcome.NOT_PASSED, null, clock.instant()));

    awaitStatus(v.id(), VerificationStatus.EXPIRED);
    List<JsonNode> events = awaitAllRelayed(v);
    assertThat(events.get(1).get("type").asString()).isEqualTo("verification.expired");
    assertThat(events.get(1).get("error").get("code").asString()).isEqualTo("VERIFICATION_EXPIRED");
  }

  @Test
  void notesALateResultAndALateCallbackAndChangesNothing() {
    Verification v = db.awaitingUser();
    sendResult(v, QueryReason.LADDER, QueryOutcome.PASSED, null);
    awaitStatus(v.id(), VerificationStatus.PASSED);

    sendResult(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, "TOO_LATE");
    sendCallback(v.id(), clock.instant());

    await()
        .untilAsserted(
            () ->
                assertThat(notes(v.id(), Causes.LATE_RESULT))
                    .extracting(t -> t.details().get("kind"))
                    .containsExactlyInAnyOrder(null, "callback"));
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.PASSED);
    assertThat(awaitAllRelayed(v))
        .extracting(e -> e.get("type").asString())
        .containsExactly("verification.certify_url_issued", "verification.passed");
  }

  @Test
  void failsWithCertifyNotFoundWhenAlipayDoesNotKnowTheCertification() {
    Verification v = db.awaitingUser();
    sendCallback(v.id(), clock.instant());
    VerificationQuery query = awaitQuery(v.id(), QueryReason.CALLBACK);

    send(
        v.id(),
        VerificationQueryResult.answering(query, QueryOutcome.NOT_FOUND, "40004", clock.instant()));

    awaitStatus(v.id(), VerificationStatus.FAILED);
    assertThat(db.find(v.id()).failure().message()).isEqualTo("CERTIFY_NOT_FOUND");
  }

  @Test
  void republishesWithTheSameEventIdWhenTheRelayDiesBetweenSendingAndMarking() {
    PollingLoop relayLoop = reconciler.getBean("relayLoop", PollingLoop.class);
    relayLoop.stop();
    try {
      Verification v = db.awaitingUser();
      OutboxReader reader = new OutboxReader(db.dataSource, clock);
      OutboxRelay dying =
          new OutboxRelay(diesBeforeMarking(reader), producer, 500, Duration.ofSeconds(30));

      assertThatThrownBy(dying::relayOnce).hasMessageContaining("killed");

      results.awaitCaughtUp();
      assertThat(results.keyed(key(v))).hasSize(1);
      assertThat(unpublished(v.id())).isEqualTo(1);
      relayLoop.start();
      await().until(() -> unpublished(v.id()) == 0);
      results.awaitCaughtUp();
      List<ConsumerRecord<String, String>> copies = results.keyed(key(v));
      assertThat(copies).hasSize(2);
      assertThat(copies)
          .extracting(r -> JSON.readTree(r.value()).get("event_id").asString())
          .containsOnly(
              VerificationResult.eventIdFor(v.id(), ResultType.CERTIFY_URL_ISSUED).toString());
    } finally {
      relayLoop.start();
    }
  }

  private static Outbox diesBeforeMarking(OutboxReader reader) {
    return new Outbox() {
      @Override
      public List<OutboxEntry> fetchUnpublished(int limit) {
        return reader.fetchUnpublished(limit);
      }

      @Override
      public int markPublished(List<Long> ids) {
        throw new IllegalStateException("killed between send and mark");
      }
    };
  }

  // --- driving the reconciler as intake and worker would

  private static RecordMetadata sendCallback(UUID verificationId, Instant at) {
    return send(verificationId, VerificationCallback.of(UUID.randomUUID(), verificationId, at));
  }

  private static RecordMetadata sendResult(
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

  private static RecordMetadata send(UUID verificationId, Object payload) {
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
  private static void awaitConsumed(RecordMetadata sent) {
    TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Map<TopicPartition, OffsetAndMetadata> committed =
                  admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
              OffsetAndMetadata offset = committed.get(partition);
              return offset != null && offset.offset() > sent.offset();
            });
  }

  // --- observing it

  private static VerificationQuery awaitQuery(UUID verificationId, QueryReason reason) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                queries.keyed(verificationId.toString()).stream()
                    .map(r -> JSON.readValue(r.value(), VerificationQuery.class))
                    .filter(q -> q.reason() == reason)
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static void awaitStatus(UUID id, VerificationStatus status) {
    await().atMost(Duration.ofSeconds(30)).until(() -> db.find(id).status() == status);
  }

  /** Every result event of the verification, once the relay has marked all of them published. */
  private static List<JsonNode> awaitAllRelayed(Verification v) {
    await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(v.id()) == 0);
    results.awaitCaughtUp();
    return results.keyed(key(v)).stream().map(r -> JSON.readTree(r.value())).toList();
  }

  private static String key(Verification v) {
    return Topics.resultKey(v.clientId(), v.requestId());
  }

  private static long unpublished(UUID id) {
    return sql.sql(
            "SELECT count(*) FROM outbox WHERE verification_id = :id AND published_at IS NULL")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private static List<Transition> notes(UUID id, String cause) {
    return db.store.timeline(id).stream()
        .filter(t -> t.isNote() && t.cause().equals(cause))
        .toList();
  }
}
