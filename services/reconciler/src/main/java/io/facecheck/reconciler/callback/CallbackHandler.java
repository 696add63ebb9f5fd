package io.facecheck.reconciler.callback;

import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.inbound.RecordFailedException;
import io.facecheck.reconciler.ladder.LadderSteps;
import io.facecheck.reconciler.query.Queries;
import io.facecheck.reconciler.query.QueryCommands;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.tracing.LogCorrelation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user came back (a hint, the query is the truth: docs/architecture.md, Guarantees): records the
 * first return, starts a query and sends it at once, then puts the verification back on its ladder.
 * Repeats of the return cost nothing beyond one bounded re-query ({@link RepeatedReturns}). Each
 * step is its own compare-and-set, so a crash anywhere leaves a query due: the return makes one due
 * immediately, and a started query that never went out is due again when its lease runs out.
 */
public class CallbackHandler {

  private static final Logger log = LoggerFactory.getLogger(CallbackHandler.class);
  private static final int MAX_ATTEMPTS = 5;

  private final VerificationStore store;
  private final QueryCommands sender;
  private final LadderSteps steps;
  private final RepeatedReturns repeats;
  private final LateCallbacks late;
  private final Clock clock;
  private final Duration lease;
  private final String source;

  public CallbackHandler(
      VerificationStore store,
      QueryCommands sender,
      LadderSteps steps,
      RepeatedReturns repeats,
      Clock clock,
      Duration lease,
      String source) {
    this.store = store;
    this.sender = sender;
    this.steps = steps;
    this.repeats = repeats;
    this.late = new LateCallbacks(store, source);
    this.clock = clock;
    this.lease = lease;
    this.source = source;
  }

  /** A query to send for a callback; {@code onLadder} when its ladder step follows it. */
  private record ToQuery(Verification verification, boolean onLadder) {}

  /**
   * Handles a batch of callbacks: records every return, then sends all their queries at once.
   *
   * @throws RecordFailedException naming the first callback that could not be handled; the ones
   *     before it are done, their queries sent
   */
  public void onCallbacks(List<VerificationCallback> callbacks) {
    Instant now = clock.instant();
    Map<UUID, ToQuery> toQuery = new LinkedHashMap<>();
    RecordFailedException failure = null;
    for (int i = 0; i < callbacks.size(); i++) {
      VerificationCallback callback = callbacks.get(i);
      try {
        InboundRecords.within(callback.verificationId(), () -> handle(callback, now))
            .ifPresent(q -> toQuery.put(q.verification().id(), q));
      } catch (RuntimeException e) {
        failure = new RecordFailedException(i, e);
        break;
      }
    }
    send(toQuery.values(), now);
    if (failure != null) {
      throw failure;
    }
  }

  private void send(Collection<ToQuery> toQuery, Instant now) {
    List<VerificationQuery> queries = new ArrayList<>();
    toQuery.forEach(q -> queries.add(Queries.of(q.verification(), QueryReason.CALLBACK, now)));
    Set<UUID> sent =
        sender.sendAll(queries).stream()
            .map(VerificationQuery::verificationId)
            .collect(Collectors.toSet());
    for (ToQuery q : toQuery) {
      if (q.onLadder() && sent.contains(q.verification().id())) {
        try {
          steps.scheduleAfterQuery(q.verification(), now);
        } catch (RuntimeException e) {
          // the lease of the started query makes it due again: it is only queried early
          log.warn("next ladder steps not scheduled after callbacks: {}", e.toString());
          return;
        }
      }
    }
  }

  private Optional<ToQuery> handle(VerificationCallback callback, Instant now) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Verification> found = store.find(callback.verificationId());
      if (found.isEmpty()) {
        log.warn(
            "callback {} names unknown verification {}",
            callback.callbackId(),
            callback.verificationId());
        return Optional.empty();
      }
      Verification v = found.get();
      LogCorrelation.verification(v.id(), v.clientId(), v.requestId());
      if (v.status().isFinal()) {
        late.note(v, callback);
        return Optional.empty();
      }
      boolean first = v.userReturnedAt() == null;
      if (!first && !repeats.mayQueryAgain(v, now)) {
        return Optional.empty(); // a repeat: the return is recorded and its query went out
      }
      Instant at = callback.receivedAt().isAfter(now) ? now : callback.receivedAt();
      if (!store.apply(v.recordUserReturned(first ? callback.receivedAt() : at), source)) {
        continue;
      }
      // read the clock again: the batch's start can be long past (a paused database), and a
      // ladder query claimed in between, before the return was on record, may already have been
      // judged as "not returned yet"
      Instant recorded = clock.instant();
      return v.status() == VerificationStatus.DEAD_LETTERED
          ? askWhileParked(v)
          : startQuery(v.id(), recorded);
    }
    log.warn(
        "callback {}: gave up after {} compare-and-set losses",
        callback.callbackId(),
        MAX_ATTEMPTS);
    return Optional.empty();
  }

  /**
   * A verification parked while it waited for its user: ask Alipay, without resuming it on a mere
   * hint; a "passed" answer resumes and passes it (DecisionTable), anything else leaves it to ops.
   */
  private static Optional<ToQuery> askWhileParked(Verification v) {
    boolean waited =
        v.deadLetter() != null
            && v.deadLetter().returnsTo() == VerificationStatus.AWAITING_USER
            && v.certifyId() != null;
    return waited ? Optional.of(new ToQuery(v, false)) : Optional.empty();
  }

  /** Starts the return's query, unless a query was claimed after the return was recorded. */
  private Optional<ToQuery> startQuery(UUID id, Instant recorded) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Verification> found =
          store.find(id).filter(v -> v.status() == VerificationStatus.AWAITING_USER);
      if (found.isEmpty()) {
        // decided meanwhile, or not yet waiting for its user (initialize in flight): the recorded
        // return makes the first query due at once when the worker stores the certify URL
        return Optional.empty();
      }
      Instant last = found.get().lastQueryAt();
      if (last != null && !last.isBefore(recorded)) {
        // the ladder claimed the query the recorded return made due, and sent it: its answer is
        // judged with the return on record, so one is enough
        return Optional.empty();
      }
      var change = found.get().startQuery(recorded, lease);
      if (store.apply(change, source)) {
        return Optional.of(new ToQuery(change.after(), true));
      }
    }
    // the recorded return left a query due at once: the ladder sends it
    return Optional.empty();
  }
}
