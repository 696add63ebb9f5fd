package io.facecheck.reconciler.callback;

import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.ladder.LadderSteps;
import io.facecheck.reconciler.query.Queries;
import io.facecheck.reconciler.query.QuerySender;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * A user came back (DESIGN.md §4.5: a hint, the query is the truth): records the return, starts a
 * query and sends it at once, then puts the verification back on its ladder. Each step is its own
 * compare-and-set, so a crash anywhere leaves a query due: the return makes one due immediately,
 * and a started query that never went out is due again when its lease runs out.
 */
public class CallbackHandler {

  private static final Logger log = LoggerFactory.getLogger(CallbackHandler.class);
  private static final int MAX_ATTEMPTS = 5;

  private final VerificationStore store;
  private final QuerySender sender;
  private final LadderSteps steps;
  private final Clock clock;
  private final Duration lease;
  private final String source;

  public CallbackHandler(
      VerificationStore store,
      QuerySender sender,
      LadderSteps steps,
      Clock clock,
      Duration lease,
      String source) {
    this.store = store;
    this.sender = sender;
    this.steps = steps;
    this.clock = clock;
    this.lease = lease;
    this.source = source;
  }

  /** Handles a batch of callbacks: records every return, then sends all their queries at once. */
  public void onCallbacks(List<VerificationCallback> callbacks) {
    Instant now = clock.instant();
    Map<UUID, Verification> started = new LinkedHashMap<>();
    for (VerificationCallback callback : callbacks) {
      recordReturn(callback, now).ifPresent(v -> started.put(v.id(), v));
    }
    List<VerificationQuery> queries = new ArrayList<>();
    started.values().forEach(v -> queries.add(Queries.of(v, QueryReason.CALLBACK, now)));
    Set<UUID> sent =
        sender.sendAll(queries).stream()
            .map(VerificationQuery::verificationId)
            .collect(Collectors.toSet());
    started.values().stream()
        .filter(v -> sent.contains(v.id()))
        .forEach(v -> steps.scheduleAfterQuery(v, now));
  }

  /**
   * Records the return and starts a query.
   *
   * @return the verification as it stands after the query started, when one should be sent
   */
  private Optional<Verification> recordReturn(VerificationCallback callback, Instant now) {
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
      if (v.status().isFinal()) {
        noteLateCallback(v, callback);
        return Optional.empty();
      }
      if (!store.apply(v.recordUserReturned(callback.receivedAt()), source)) {
        continue;
      }
      return startQuery(callback.verificationId(), now);
    }
    log.warn(
        "callback {}: gave up after {} compare-and-set losses",
        callback.callbackId(),
        MAX_ATTEMPTS);
    return Optional.empty();
  }

  private Optional<Verification> startQuery(UUID id, Instant now) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Verification> found =
          store.find(id).filter(v -> v.status() == VerificationStatus.AWAITING_USER);
      if (found.isEmpty()) {
        // decided meanwhile, or not yet waiting for its user (initialize in flight): the recorded
        // return makes the first query due at once when the worker stores the certify URL
        return Optional.empty();
      }
      var change = found.get().startQuery(now, lease);
      if (store.apply(change, source)) {
        return Optional.of(change.after());
      }
    }
    // the recorded return left a query due at once: the ladder sends it
    return Optional.empty();
  }

  private void noteLateCallback(Verification v, VerificationCallback callback) {
    store.recordNote(
        v.id(),
        Causes.LATE_RESULT,
        source,
        Map.of(
            "kind", "callback",
            "callback_id", callback.callbackId().toString(),
            "received_at", callback.receivedAt().toString()));
  }
}
