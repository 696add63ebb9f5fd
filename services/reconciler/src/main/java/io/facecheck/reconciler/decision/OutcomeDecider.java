package io.facecheck.reconciler.decision;

import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.inbound.RecordFailedException;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.IllegalTransitionException;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.tracing.LogCorrelation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link DecisionTable} to each query result through the status machine's transition
 * methods. Compare-and-set: when another writer moved the verification first, it re-reads and
 * decides again, so a result racing a callback or a second reconciler is never applied twice.
 */
public class OutcomeDecider {

  private static final Logger log = LoggerFactory.getLogger(OutcomeDecider.class);
  private static final int MAX_ATTEMPTS = 5;

  /** Note: a query result came while the verification was not waiting for its user. */
  static final String RESULT_NOT_AWAITED = "RESULT_NOT_AWAITED";

  private final VerificationStore store;
  private final Clock clock;
  private final String source;
  private final DecisionObserver observer;

  public OutcomeDecider(VerificationStore store, Clock clock, String source) {
    this(store, clock, source, DecisionObserver.NONE);
  }

  public OutcomeDecider(
      VerificationStore store, Clock clock, String source, DecisionObserver observer) {
    this.store = store;
    this.clock = clock;
    this.source = source;
    this.observer = observer;
  }

  /**
   * Decides each result in order.
   *
   * @throws RecordFailedException naming the first result that could not be decided; every one
   *     before it is done
   */
  public void onResults(List<VerificationQueryResult> results) {
    for (int i = 0; i < results.size(); i++) {
      VerificationQueryResult result = results.get(i);
      try {
        InboundRecords.within(result.verificationId(), () -> onResult(result));
      } catch (RuntimeException e) {
        throw new RecordFailedException(i, e);
      }
    }
  }

  public void onResult(VerificationQueryResult result) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Verification> found = store.find(result.verificationId());
      if (found.isEmpty()) {
        log.warn(
            "query result {} names unknown verification {}",
            result.queryId(),
            result.verificationId());
        return;
      }
      Verification v = found.get();
      LogCorrelation.verification(v.id(), v.clientId(), v.requestId());
      Decision decision = DecisionTable.decide(v, result);
      Optional<Change> change = changeFor(v, decision, result);
      if (decision.kind() == Decision.Kind.LATE_RESULT) {
        observer.lateResult(result.reason());
      }
      if (change.isEmpty()) {
        return;
      }
      boolean applied = store.apply(change.get(), source);
      if (applied && change.get().after().status().isFinal()) {
        observer.decided(change.get().after().status(), result.reason());
      }
      // a resumed verification is decided on the next round, as the AWAITING_USER it is again
      if (applied) {
        log.debug("query result {}: {} (was {})", result.queryId(), decision.kind(), v.status());
        if (!resumes(decision)) {
          return;
        }
      }
    }
    // the next ladder step asks again: nothing is lost
    log.warn(
        "query result {}: gave up after {} compare-and-set losses", result.queryId(), MAX_ATTEMPTS);
  }

  private Optional<Change> changeFor(
      Verification v, Decision decision, VerificationQueryResult result) {
    try {
      return switch (decision.kind()) {
        case PASS -> Optional.of(v.markPassed());
        case FAIL -> Optional.of(v.markFailed(decision.failReason()));
        case EXPIRE -> Optional.of(v.markExpired());
        case REQUERY -> queryNow(v);
        case PASS_AFTER_DEAD_LETTER, DECIDE_AFTER_UNANSWERED ->
            Optional.of(v.resumeFromDeadLetter(clock.instant()));
        case KEEP_WAITING -> Optional.empty();
        case LATE_RESULT -> note(v, Causes.LATE_RESULT, result);
        case NOT_AWAITING -> note(v, RESULT_NOT_AWAITED, result);
      };
    } catch (IllegalTransitionException refused) {
      // the status machine's own guard disagrees: change nothing, the ladder asks again
      log.warn("query result {}: {}", result.queryId(), refused.getMessage());
      return Optional.empty();
    }
  }

  private static boolean resumes(Decision decision) {
    return decision.kind() == Decision.Kind.PASS_AFTER_DEAD_LETTER
        || decision.kind() == Decision.Kind.DECIDE_AFTER_UNANSWERED;
  }

  /** Makes a query due now, unless one is due already (the ladder sends it either way). */
  private Optional<Change> queryNow(Verification v) {
    Instant now = clock.instant();
    if (v.nextQueryAt() != null && !v.nextQueryAt().isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(v.scheduleQuery(now));
  }

  private Optional<Change> note(Verification v, String cause, VerificationQueryResult r) {
    store.recordNote(
        v.id(),
        cause,
        source,
        Map.of(
            "query_id", r.queryId().toString(),
            "reason", r.reason().name(),
            "outcome", r.outcome().name(),
            "queried_at", r.queriedAt().toString()));
    return Optional.empty();
  }
}
