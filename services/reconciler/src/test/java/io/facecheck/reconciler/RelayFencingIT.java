package io.facecheck.reconciler;

import static io.facecheck.testinfra.WholeTopicReader.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.reconciler.relay.LockSessionOutbox;
import io.facecheck.reconciler.relay.OutboxRelay;
import io.facecheck.reconciler.relay.RelayLeadership;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.WholeTopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Relay leadership is fenced. When the leader's lock session dies in the middle of a turn, the old
 * leader can mark nothing published (nor fetch again), the standby takes over, and every
 * verification still has exactly one final event.
 */
class RelayFencingIT {

  private static final long LOCK_KEY = 4242;
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static JdbcClient sql;
  private static WholeTopicReader results;
  private static KafkaTemplate<String, String> producer;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    sql = JdbcClient.create(db.dataSource);
    results = new WholeTopicReader(Topics.RESULTS);
    producer = ReconcilerInstances.producer();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    results.close();
    producer.destroy();
  }

  @Test
  void anOldLeaderWhoseLockSessionDiedMidTurnCanMarkNothing() {
    List<Verification> passed = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Verification v = db.awaitingUser();
      if (!db.store.apply(v.markPassed(), "it")) {
        throw new IllegalStateException("lost a race nobody runs");
      }
      passed.add(v);
    }
    try (RelayLeadership old = new RelayLeadership(db.dataSource, LOCK_KEY);
        RelayLeadership standby = new RelayLeadership(db.dataSource, LOCK_KEY)) {
      assertThat(old.holdOrTake()).isTrue();
      assertThat(standby.holdOrTake()).isFalse();
      OutboxRelay oldRelay =
          new OutboxRelay(
              new LockSessionOutbox(old, clock),
              killingTheLockSessionOnFirstSend(),
              500,
              SEND_TIMEOUT);

      // fetched, sending, then its session is gone: marking must fail
      assertThatThrownBy(oldRelay::relayOnce).isNotInstanceOf(AssertionError.class);
      assertThat(unpublished()).isEqualTo(40);
      // and an old leader that has not noticed yet fetches nothing more
      assertThatThrownBy(oldRelay::relayOnce).isNotInstanceOf(AssertionError.class);

      assertThat(standby.holdOrTake()).isTrue();
      new OutboxRelay(new LockSessionOutbox(standby, clock), producer, 500, SEND_TIMEOUT)
          .relayOnce();
      assertThat(unpublished()).isZero();
      assertThat(old.holdOrTake()).isFalse();
    }
    for (Verification v : passed) {
      List<String> finalEventIds =
          results.readToEnd(keyed(Topics.resultKey(v.clientId(), v.requestId()))).stream()
              .map(r -> PayloadJson.mapper().readTree(r.value()))
              .filter(e -> e.get("final").asBoolean())
              .map(e -> e.get("event_id").asString())
              .distinct()
              .toList();
      assertThat(finalEventIds)
          .containsExactly(VerificationResult.eventIdFor(v.id(), ResultType.PASSED).toString());
    }
  }

  private static KafkaTemplate<String, String> killingTheLockSessionOnFirstSend() {
    AtomicBoolean killed = new AtomicBoolean();
    return new KafkaTemplate<>(producer.getProducerFactory()) {
      @Override
      public CompletableFuture<SendResult<String, String>> send(
          String topic, String key, String data) {
        if (killed.compareAndSet(false, true)) {
          killLockSession();
        }
        return super.send(topic, key, data);
      }
    };
  }

  /** pg_terminate_backend of the session holding the relay lock, and wait until it is gone. */
  private static void killLockSession() {
    List<Integer> pids =
        sql.sql(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND database = (SELECT oid FROM pg_database"
                    + " WHERE datname = current_database())")
            .query(Integer.class)
            .list();
    assertThat(pids).hasSize(1);
    sql.sql("SELECT pg_terminate_backend(:pid)").param("pid", pids.get(0)).query().singleRow();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                sql.sql("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
                        .param("pid", pids.get(0))
                        .query(Long.class)
                        .single()
                    == 0);
  }

  private static long unpublished() {
    return sql.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        .query(Long.class)
        .single();
  }
}
