package io.facecheck.reconciler.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.inbound.VerificationTraces;
import io.facecheck.reconciler.query.QueryCommands;
import io.facecheck.reconciler.query.RecordingQuerySender;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One scan of the ladder on the in-memory store and a sender without Kafka. The verifications of
 * {@link Fixtures} were received at T0, wait for their user from T0 with a first query due at T0 +
 * 60 s, and expire at T0 + 15 min.
 */
class LadderScanTest {

  private static final Instant T0 = Fixtures.T0;
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final int BATCH = 2;

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
  private final RecordingQuerySender sender = new RecordingQuerySender();
  private final StalledVerifications stalled = new InMemoryStalledVerifications(store);
  private final FinalQueryLimit limit = new FinalQueryLimit(3, Duration.ofMinutes(2));
  private final LadderScan scan =
      new LadderScan(
          store,
          new UnansweredFinalQueries(store, stalled, limit, BATCH, "reconciler@test"),
          new ReplayResumes(store, stalled, BATCH, "reconciler@test"),
          sender,
          new LadderSteps(
              store,
              new LadderSchedule(
                  List.of(Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(10)),
                  Duration.ofMinutes(2)),
              "reconciler@test"),
          clock,
          BATCH,
          LEASE);

  @Test
  void nothingDueSendsNothing() {
    store.put(Fixtures.awaitingUser());

    assertThat(scan.runOnce()).isFalse();

    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void aDueVerificationIsQueriedAndMovedToItsNextStep() {
    Verification v = store.put(Fixtures.awaitingUser());
    clock.advance(Duration.ofSeconds(61));

    assertThat(scan.runOnce()).isFalse(); // one claimed, the batch holds two

    assertThat(sender.sent())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.reason()).isEqualTo(QueryReason.LADDER);
              assertThat(q.verificationId()).isEqualTo(v.id());
              assertThat(q.requestedAt()).isEqualTo(clock.instant());
            });
    Verification after = store.find(v.id()).orElseThrow();
    assertThat(after.queryAttempts()).isEqualTo(1);
    assertThat(after.lastQueryAt()).isEqualTo(clock.instant());
    assertThat(after.nextQueryAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
  }

  @Test
  void aFullBatchSaysMoreMayBeDue() {
    store.put(Fixtures.awaitingUser());
    store.put(Fixtures.awaitingUser());
    store.put(Fixtures.awaitingUser());
    clock.advance(Duration.ofSeconds(61));

    assertThat(scan.runOnce()).isTrue();
    assertThat(scan.runOnce()).isFalse();

    assertThat(sender.sent()).hasSize(3);
  }

  @Test
  void theQueryAtExpiryIsTheFinalOneAndItIsRepeatedUntilAnswered() {
    Verification v = store.put(Fixtures.awaitingUser());
    clock.advance(Duration.ofMinutes(15));
    store.apply(store.find(v.id()).orElseThrow().scheduleQuery(clock.instant()), "t");

    scan.runOnce();

    assertThat(sender.sent())
        .singleElement()
        .satisfies(q -> assertThat(q.reason()).isEqualTo(QueryReason.FINAL));
    assertThat(store.find(v.id()).orElseThrow().nextQueryAt())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
  }

  @Test
  void aQueryTheBrokerDidNotTakeComesBackWhenItsLeaseRunsOut() {
    Verification v = store.put(Fixtures.awaitingUser());
    clock.advance(Duration.ofSeconds(61));
    sender.acknowledging(q -> false);

    scan.runOnce();

    assertThat(store.find(v.id()).orElseThrow().nextQueryAt())
        .isEqualTo(clock.instant().plus(LEASE));
    sender.acknowledging(q -> true);
    clock.advance(LEASE);
    scan.runOnce();
    assertThat(sender.sent()).extracting(VerificationQuery::verificationId).hasSize(2);
  }

  @Test
  void aVerificationWhoseFinalQueriesWentUnansweredIsParkedInsteadOfQueriedAgain() {
    Verification v = store.put(Fixtures.awaitingUser());
    Instant lastAttempt = v.expiresAt().plus(Duration.ofMinutes(4));
    clock.advance(Duration.between(T0, lastAttempt));
    store.apply(store.find(v.id()).orElseThrow().startQuery(lastAttempt, LEASE), "t");
    clock.advance(Duration.ofMinutes(2));

    scan.runOnce();

    Verification parked = store.find(v.id()).orElseThrow();
    assertThat(parked.status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
    assertThat(parked.deadLetter().reason()).isEqualTo(FinalQueryLimit.REASON);
    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void aReplayOpsAskedForResumesTheVerificationAndQueriesItInTheSameScan() {
    Verification parked = store.put(Fixtures.awaitingUser().markDeadLettered("X").after());
    clock.advance(Duration.ofSeconds(5));
    scan.runOnce();
    assertThat(sender.sent()).isEmpty(); // parked, and nobody asked

    store.requestReplay(parked.id(), parked.version(), "ops@test");
    scan.runOnce();

    Verification resumed = store.find(parked.id()).orElseThrow();
    assertThat(resumed.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(sender.sent())
        .singleElement()
        .satisfies(q -> assertThat(q.verificationId()).isEqualTo(parked.id()));
  }

  @Test
  void eachLadderQueryIsSentInTheTraceItsVerificationWasCreatedIn() {
    Verification traced = store.put(Fixtures.awaitingUser());
    Verification untraced = store.put(Fixtures.awaitingUser());
    clock.advance(Duration.ofSeconds(61));
    ThreadLocal<String> span = new ThreadLocal<>();
    List<String> sentIn = new ArrayList<>();
    QueryCommands sending =
        queries -> {
          // as KafkaQuerySender does: each send in the scope bound to its verification
          queries.forEach(
              q ->
                  sentIn.add(
                      InboundRecords.within(
                          q.verificationId(), () -> q.verificationId() + " in " + span.get())));
          return queries;
        };
    VerificationTraces traces =
        new VerificationTraces() {
          @Override
          public Map<UUID, String> stored(Collection<UUID> ids) {
            return Map.of(traced.id(), "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01");
          }

          @Override
          public Map<UUID, InboundRecords.RecordScope> continuing(
              Collection<UUID> ids, String spanName) {
            assertThat(ids).contains(traced.id(), untraced.id());
            return Map.of(
                traced.id(),
                new InboundRecords.RecordScope() {
                  @Override
                  public <T> T run(Supplier<T> work) {
                    span.set(spanName);
                    try {
                      return work.get();
                    } finally {
                      span.remove();
                    }
                  }
                });
          }
        };

    new LadderScan(
            store,
            new UnansweredFinalQueries(store, stalled, limit, BATCH, "reconciler@test"),
            new ReplayResumes(store, stalled, BATCH, "reconciler@test"),
            sending,
            new LadderSteps(
                store,
                new LadderSchedule(List.of(Duration.ofMinutes(1)), Duration.ofMinutes(2)),
                "reconciler@test"),
            clock,
            BATCH,
            LEASE,
            traces)
        .runOnce();

    assertThat(sentIn)
        .containsExactlyInAnyOrder(
            traced.id() + " in " + LadderScan.SPAN, untraced.id() + " in null");
  }
}
