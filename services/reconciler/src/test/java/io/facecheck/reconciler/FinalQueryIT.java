package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.reconciler.ladder.FinalQueryLimit;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The final query decides with the time it was sent, so a stale "not passed" never fails a user who
 * passed after it; and final queries nobody answers end, with the verification parked for ops, who
 * can resume it.
 */
class FinalQueryIT {

  private static final String GROUP = "reconciler-final-queries";
  private static final Duration TTL = Duration.ofSeconds(900);
  private static final Duration FINAL_RETRY = Duration.ofMinutes(2);

  private static MutableClock clock;
  private static VerificationDatabase db;
  private static ConfigurableApplicationContext reconciler;
  private static ReconcilerProbe probe;

  @BeforeAll
  static void start() {
    ReconcilerInstances.createTopics();
    clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    db = VerificationDatabase.inNewDatabase(clock);
    reconciler =
        ReconcilerInstances.start(
            db.database,
            clock,
            GROUP,
            "final-queries",
            Map.of("facecheck.reconciler.final-query-attempts", "2"));
    probe = new ReconcilerProbe(GROUP, clock, db);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    reconciler.close();
    probe.close();
  }

  @Test
  void aStaleFinalAnswerDoesNotFailAUserWhoPassedJustAfterTheFinalQuery() {
    Verification v = db.awaitingUser();
    clock.advance(TTL);
    VerificationQuery finalQuery = probe.awaitQuery(v.id(), QueryReason.FINAL);
    Instant sentAt = clock.instant();

    // the user returns (and passes) while Alipay still answers the final query "not passed"
    clock.advance(Duration.ofSeconds(5));
    probe.awaitConsumed(probe.sendCallback(v.id(), clock.instant()));
    probe.send(
        v.id(),
        VerificationQueryResult.answering(finalQuery, QueryOutcome.NOT_PASSED, null, sentAt));

    // not FAILED, not EXPIRED: asked again, after the return
    VerificationQuery again = awaitQueries(v.id(), QueryReason.FINAL, 2).get(1);
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.AWAITING_USER);
    probe.send(
        v.id(),
        VerificationQueryResult.answering(again, QueryOutcome.PASSED, null, clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.PASSED);
    assertThat(types(v)).containsExactly("verification.certify_url_issued", "verification.passed");
  }

  @Test
  void failsOnAFinalNotPassedSentAfterTheUserReturned() {
    Verification v = db.awaitingUser();
    probe.awaitConsumed(probe.sendCallback(v.id(), clock.instant()));
    clock.advance(TTL);
    VerificationQuery finalQuery = probe.awaitQuery(v.id(), QueryReason.FINAL);

    probe.send(
        v.id(),
        VerificationQueryResult.answering(
            finalQuery, QueryOutcome.NOT_PASSED, "FACE_MISMATCH", clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.FAILED);
  }

  @Test
  void parksAVerificationWhoseFinalQueriesGoUnansweredAndSendsNoMore() {
    Verification v = parkedAfterTwoUnansweredFinalQueries();

    Verification parked = db.find(v.id());
    assertThat(parked.deadLetter().reason()).isEqualTo(FinalQueryLimit.REASON);
    assertThat(parked.deadLetter().returnsTo()).isEqualTo(VerificationStatus.AWAITING_USER);
    // a ladder scan after the advance queries the sentinel: that scan left v alone
    Verification sentinel = db.awaitingUser();
    clock.advance(Duration.ofMinutes(30));
    probe.awaitQuery(sentinel.id(), QueryReason.FINAL);
    assertThat(probe.queriesOf(v.id()))
        .extracting(VerificationQuery::reason)
        .containsExactly(QueryReason.FINAL, QueryReason.FINAL);
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
  }

  @Test
  void resumesAParkedVerificationWhenOpsAsksForItsReplay() {
    Verification v = parkedAfterTwoUnansweredFinalQueries();
    Verification parked = db.find(v.id());

    assertThat(db.store.requestReplay(v.id(), parked.version(), "ops@it")).isTrue();

    probe.awaitStatus(v.id(), VerificationStatus.AWAITING_USER);
    VerificationQuery resumed = awaitQueries(v.id(), QueryReason.FINAL, 3).get(2);
    probe.send(
        v.id(),
        VerificationQueryResult.answering(resumed, QueryOutcome.PASSED, null, clock.instant()));
    probe.awaitStatus(v.id(), VerificationStatus.PASSED);
    assertThat(types(v)).containsExactly("verification.certify_url_issued", "verification.passed");
  }

  @Test
  void aLatePassedAnswerStillPassesAParkedVerification() {
    Verification v = parkedAfterTwoUnansweredFinalQueries();
    VerificationQuery last = probe.queriesOf(v.id()).get(1);

    probe.send(
        v.id(),
        VerificationQueryResult.answering(last, QueryOutcome.PASSED, null, clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.PASSED);
    assertThat(types(v)).containsExactly("verification.certify_url_issued", "verification.passed");
  }

  @Test
  void aLateNotPassedAnswerToAFinalQueryExpiresAVerificationParkedForWantOfIt() {
    // a worker far behind answers after the reconciler stopped waiting: that answer is what ops
    // would have waited for, so it decides, and nothing is left parked
    Verification v = parkedAfterTwoUnansweredFinalQueries();
    VerificationQuery first = probe.queriesOf(v.id()).get(0);

    probe.send(
        v.id(),
        VerificationQueryResult.answering(first, QueryOutcome.NOT_PASSED, null, clock.instant()));

    probe.awaitStatus(v.id(), VerificationStatus.EXPIRED);
    assertThat(types(v)).containsExactly("verification.certify_url_issued", "verification.expired");
  }

  @Test
  void aCallbackForAParkedVerificationAsksAlipayWithoutResumingIt() {
    Verification v = parkedAfterTwoUnansweredFinalQueries();

    probe.sendCallback(v.id(), clock.instant());

    VerificationQuery asked = probe.awaitQuery(v.id(), QueryReason.CALLBACK);
    assertThat(db.find(v.id()).status()).isEqualTo(VerificationStatus.DEAD_LETTERED);
    probe.send(
        v.id(),
        VerificationQueryResult.answering(asked, QueryOutcome.PASSED, null, clock.instant()));
    probe.awaitStatus(v.id(), VerificationStatus.PASSED);
  }

  /** Final query at expiry, its repeat, no answer to either: parked. */
  private static Verification parkedAfterTwoUnansweredFinalQueries() {
    Verification v = db.awaitingUser();
    clock.advance(TTL);
    awaitQueries(v.id(), QueryReason.FINAL, 1);
    awaitNextQueryAt(v, clock.instant().plus(FINAL_RETRY));
    clock.advance(FINAL_RETRY);
    awaitQueries(v.id(), QueryReason.FINAL, 2);
    awaitNextQueryAt(v, clock.instant().plus(FINAL_RETRY));
    clock.advance(FINAL_RETRY);
    probe.awaitStatus(v.id(), VerificationStatus.DEAD_LETTERED);
    return v;
  }

  private static void awaitNextQueryAt(Verification v, Instant at) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> at.equals(db.find(v.id()).nextQueryAt()));
  }

  private static List<VerificationQuery> awaitQueries(UUID id, QueryReason reason, int count) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> probe.queriesOf(id).stream().filter(q -> q.reason() == reason).toList(),
            l -> l.size() >= count);
  }

  private static List<String> types(Verification v) {
    return probe.awaitAllRelayed(v).stream().map(e -> e.get("type").asString()).toList();
  }
}
