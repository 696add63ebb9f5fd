package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.callback.CallbackHandler;
import io.facecheck.reconciler.callback.RepeatedReturns;
import io.facecheck.reconciler.ladder.LadderSchedule;
import io.facecheck.reconciler.ladder.LadderSteps;
import io.facecheck.reconciler.query.QueryCommands;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.FieldChange;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A callback batch that starts before a database pause: while it waits, the ladder claims the query
 * the verification was due for, before the user's return is on record, so that query's answer is
 * judged as "not returned yet". The return must still get a query of its own; deciding "already
 * asked" from the batch's stale start time left it to the final query at expiry.
 */
class CallbackAfterLadderClaimIT {

  private static final Duration LEASE = Duration.ofMinutes(2);

  @Test
  void aLadderQueryClaimedBeforeTheReturnWasRecordedDoesNotStandInForTheReturnsQuery() {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    VerificationDatabase db = VerificationDatabase.inNewDatabase(clock);
    Verification waiting = db.awaitingUser();
    List<VerificationQuery> sent = new ArrayList<>();
    QueryCommands sender =
        queries -> {
          sent.addAll(queries);
          return queries;
        };
    VerificationStore store = new LadderClaimsFirst(db.store, clock);
    CallbackHandler handler =
        new CallbackHandler(
            store,
            sender,
            new LadderSteps(
                store,
                new LadderSchedule(List.of(Duration.ofMinutes(1)), Duration.ofMinutes(2)),
                "reconciler@it"),
            new RepeatedReturns(Duration.ofSeconds(30)),
            clock,
            LEASE,
            "reconciler@it");

    handler.onCallbacks(
        List.of(VerificationCallback.of(UUID.randomUUID(), waiting.id(), clock.instant())));

    assertThat(sent)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.verificationId()).isEqualTo(waiting.id());
              assertThat(q.reason()).isEqualTo(QueryReason.CALLBACK);
            });
    Verification after = db.find(waiting.id());
    assertThat(after.queryAttempts()).isEqualTo(2); // the ladder's, then the return's
    assertThat(after.userReturnedAt()).isNotNull();
  }

  /**
   * The store as the reconciler sees it during a pause: just before the return is written, time
   * passes and another reconciler's ladder claims the due query; then more time passes.
   */
  private static final class LadderClaimsFirst implements VerificationStore {

    private final VerificationStore store;
    private final MutableClock clock;
    private final AtomicBoolean claimed = new AtomicBoolean();

    LadderClaimsFirst(VerificationStore store, MutableClock clock) {
      this.store = store;
      this.clock = clock;
    }

    @Override
    public boolean apply(Change change, String source) {
      boolean isReturn =
          change instanceof FieldChange update
              && update.note().map(n -> n.cause().equals(Causes.USER_RETURNED)).orElse(false);
      if (isReturn && claimed.compareAndSet(false, true)) {
        clock.advance(Duration.ofSeconds(30));
        Verification now = store.find(change.verificationId()).orElseThrow();
        assertThat(store.apply(now.startQuery(clock.instant(), LEASE), "reconciler@other"))
            .isTrue();
        clock.advance(Duration.ofSeconds(30));
      }
      return store.apply(change, source);
    }

    @Override
    public CreateOutcome create(NewVerification verification, String source) {
      return store.create(verification, source);
    }

    @Override
    public CreateOutcome createThen(
        NewVerification verification, Function<Verification, StatusChange> first, String source) {
      return store.createThen(verification, first, source);
    }

    @Override
    public CreateOutcome createRejected(NewRejection rejection, String source) {
      return store.createRejected(rejection, source);
    }

    @Override
    public Optional<Verification> find(UUID id) {
      return store.find(id);
    }

    @Override
    public Optional<Verification> findByRequest(String clientId, String requestId) {
      return store.findByRequest(clientId, requestId);
    }

    @Override
    public boolean recordNote(UUID id, String cause, String source, Map<String, String> details) {
      return store.recordNote(id, cause, source, details);
    }

    @Override
    public List<Verification> claimDueQueries(Instant now, int limit, Duration lease) {
      return store.claimDueQueries(now, limit, lease);
    }

    @Override
    public boolean requestReplay(UUID id, long version, String source) {
      return store.requestReplay(id, version, source);
    }

    @Override
    public boolean replayRequested(Verification verification) {
      return store.replayRequested(verification);
    }

    @Override
    public List<Transition> timeline(UUID id) {
      return store.timeline(id);
    }
  }
}
