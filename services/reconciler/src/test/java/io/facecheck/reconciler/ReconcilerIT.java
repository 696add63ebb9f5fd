package io.facecheck.reconciler;

import static io.facecheck.testinfra.WholeTopicReader.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.jdbc.OutboxEntry;
import io.facecheck.statemachine.jdbc.OutboxReader;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciler on a real Kafka broker and a real PostgreSQL, driven as intake and worker would.
 */
class ReconcilerIT {

  private static final String GROUP = "facecheck-reconciler";
  private static final JsonMapper JSON = PayloadJson.mapper();

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static ConfigurableApplicationContext reconciler;
  private static ReconcilerProbe probe;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    reconciler = ReconcilerInstances.start(db.database, clock, GROUP, "it-a");
    probe = new ReconcilerProbe(GROUP, clock, db);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reconciler.close();
    probe.close();
  }

  @Test
  void queriesAtOnceWhenTheUserComesBack() {
    Verification v = db.awaitingUser();
    Instant returnedAt = clock.instant();

    probe.sendCallback(v.id(), returnedAt);

    VerificationQuery query = probe.awaitReturnQuery(v.id());
    assertThat(query.certifyId()).isEqualTo(v.certifyId());
    assertThat(query.app()).isEqualTo("default");
    assertThat(db.find(v.id()).userReturnedAt()).isEqualTo(returnedAt);
  }

  @Test
  void queriesAtOnceWhenTheUserCameBackWhileAlipayWasStillBeingCalled() {
    Verification initializing = db.initializing();
    Instant returnedAt = clock.instant();

    probe.awaitConsumed(probe.sendCallback(initializing.id(), returnedAt));

    Verification recorded = db.find(initializing.id());
    assertThat(recorded.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(recorded.userReturnedAt()).isEqualTo(returnedAt);
    assertThat(probe.notes(recorded.id(), Causes.USER_RETURNED)).hasSize(1);

    Verification awaiting = db.issueCertifyUrl(recorded);

    // the clock stands still: without the recorded return the first query would wait a minute
    VerificationQuery query = probe.awaitQuery(awaiting.id(), QueryReason.LADDER);
    assertThat(query.certifyId()).isEqualTo(awaiting.certifyId());
  }

  @Test
  void keepsTheFirstReturnTimeWhenTheCallbackRepeats() {
    Verification v = db.awaitingUser();
    Instant first = clock.instant();
    probe.sendCallback(v.id(), first);
    probe.awaitReturnQuery(v.id());

    probe.awaitConsumed(probe.sendCallback(v.id(), first.plusSeconds(5)));

    Verification after = db.find(v.id());
    assertThat(after.userReturnedAt()).isEqualTo(first);
    assertThat(after.status()).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  @Test
  void passesAndPublishesExactlyOnePassedEventAfterTheCertifyUrl() {
    Verification v = db.awaitingUser();

    probe.sendResult(v, QueryReason.LADDER, QueryOutcome.PASSED, null);

    probe.awaitStatus(v.id(), VerificationStatus.PASSED);
    List<JsonNode> events = probe.awaitAllRelayed(v);
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

    probe.awaitConsumed(probe.sendResult(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null));

    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.AWAITING_USER);
  }

  @Test
  void failsOnNotPassedAfterTheUserReturned() {
    Verification v = db.awaitingUser();
    probe.awaitConsumed(probe.sendResult(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null));
    probe.sendCallback(v.id(), clock.instant());
    VerificationQuery query = probe.awaitReturnQuery(v.id());

    probe.send(
        v.id(),
        VerificationQueryResult.answering(
            query, QueryOutcome.NOT_PASSED, "FACE_MISMATCH", clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.FAILED);
    assertThat(db.find(v.id()).failure().message()).isEqualTo("FACE_MISMATCH");
    List<JsonNode> events = probe.awaitAllRelayed(v);
    assertThat(events.get(1).get("type").asString()).isEqualTo("verification.failed");
    assertThat(events.get(1).get("error").get("message").asString()).isEqualTo("FACE_MISMATCH");
  }

  @Test
  void sendsALadderQueryWhenAStepIsDueAndSchedulesTheNextStep() {
    Verification v = db.awaitingUser();
    Instant since = clock.instant();

    clock.advance(Duration.ofSeconds(61));

    VerificationQuery query = probe.awaitQuery(v.id(), QueryReason.LADDER);
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
    probe.awaitConsumed(probe.sendResult(v, QueryReason.LADDER, QueryOutcome.NOT_PASSED, null));
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.AWAITING_USER);

    VerificationQuery last = probe.awaitQuery(v.id(), QueryReason.FINAL);
    probe.send(
        v.id(),
        VerificationQueryResult.answering(last, QueryOutcome.NOT_PASSED, null, clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.EXPIRED);
    List<JsonNode> events = probe.awaitAllRelayed(v);
    assertThat(events.get(1).get("type").asString()).isEqualTo("verification.expired");
    assertThat(events.get(1).get("error").get("code").asString()).isEqualTo("VERIFICATION_EXPIRED");
  }

  @Test
  void notesALateResultAndALateCallbackAndChangesNothing() {
    Verification v = db.awaitingUser();
    probe.sendResult(v, QueryReason.LADDER, QueryOutcome.PASSED, null);
    probe.awaitStatus(v.id(), VerificationStatus.PASSED);

    probe.sendResult(v, QueryReason.FINAL, QueryOutcome.NOT_PASSED, "TOO_LATE");
    probe.sendCallback(v.id(), clock.instant());

    await()
        .untilAsserted(
            () ->
                assertThat(probe.notes(v.id(), Causes.LATE_RESULT))
                    .extracting(t -> t.details().get("kind"))
                    .containsExactlyInAnyOrder(null, "callback"));
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.PASSED);
    assertThat(probe.awaitAllRelayed(v))
        .extracting(e -> e.get("type").asString())
        .containsExactly("verification.certify_url_issued", "verification.passed");
  }

  @Test
  void failsWithCertifyNotFoundWhenAlipayDoesNotKnowTheCertification() {
    Verification v = db.awaitingUser();
    probe.sendCallback(v.id(), clock.instant());
    VerificationQuery query = probe.awaitReturnQuery(v.id());

    probe.send(
        v.id(),
        VerificationQueryResult.answering(query, QueryOutcome.NOT_FOUND, "40004", clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.FAILED);
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
          new OutboxRelay(diesBeforeMarking(reader), probe.producer, 500, Duration.ofSeconds(30));

      assertThatThrownBy(dying::relayOnce).hasMessageContaining("killed");
      assertThat(probe.results.readToEnd(keyed(probe.key(v)))).hasSize(1);
      assertThat(probe.unpublished(v.id())).isEqualTo(1);
      relayLoop.start();
      await().until(() -> probe.unpublished(v.id()) == 0);
      List<ConsumerRecord<byte[], byte[]>> copies = probe.results.readToEnd(keyed(probe.key(v)));
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
}
