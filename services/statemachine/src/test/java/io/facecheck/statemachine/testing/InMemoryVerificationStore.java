package io.facecheck.statemachine.testing;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.FieldChange;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.ResultEventFactory;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * {@link VerificationStore} in memory, for unit tests of the use cases. It keeps the promises of
 * {@link io.facecheck.statemachine.jdbc.JdbcVerificationStore} that callers rely on, and {@code
 * VerificationStoreContract} runs the same assertions against both so they cannot drift:
 *
 * <ul>
 *   <li>one row per (client_id, request_id): the same hash is {@code Existing}, another {@code
 *       Conflict};
 *   <li>{@link #apply} is compare-and-set on {@code version}: a stale change writes nothing;
 *   <li>a change, its timeline entry and its result event are written together or not at all; a
 *       second final event, a second copy of an event or a reused outer_order_no is refused with
 *       the {@link DataIntegrityViolationException} PostgreSQL's unique indexes raise, and nothing
 *       is written;
 *   <li>the store's clock stamps created_at, updated_at, expires_at and the timeline;
 *   <li>replay requests are bound to (id, version) of a DEAD_LETTERED verification.
 * </ul>
 *
 * <p>Thread-safe (one lock), so a use case's concurrent paths can be exercised too. {@link
 * #failNextApply} and {@link #beforeNextApply} let a test lose a race on purpose.
 */
public final class InMemoryVerificationStore implements VerificationStore {

  private final Clock clock;
  private final Map<UUID, Verification> rows = new LinkedHashMap<>();
  private final List<Transition> transitions = new ArrayList<>();
  private final List<VerificationResult> outbox = new ArrayList<>();
  private final Set<ReplayKey> replayRequests = new HashSet<>();
  private final List<Runnable> beforeApply = new ArrayList<>();
  private final AtomicInteger applies = new AtomicInteger();
  private long nextTransitionId = 1;

  public InMemoryVerificationStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized CreateOutcome create(NewVerification nv, String source) {
    Submission s = nv.submission();
    Optional<Verification> existing = findByRequest(s.clientId(), s.requestId());
    if (existing.isPresent()) {
      return existingOrConflict(existing.get(), s);
    }
    Instant now = clock.instant();
    Verification v = nv.received(now);
    rows.put(v.id(), v);
    append(v.id(), null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, source, now, null);
    return new CreateOutcome.Created(v);
  }

  @Override
  public synchronized CreateOutcome createThen(
      NewVerification nv, Function<Verification, StatusChange> first, String source) {
    Submission s = nv.submission();
    Optional<Verification> existing = findByRequest(s.clientId(), s.requestId());
    if (existing.isPresent()) {
      return existingOrConflict(existing.get(), s);
    }
    Instant now = clock.instant();
    Verification received = nv.received(now);
    StatusChange move = first.apply(received);
    if (!move.before().equals(received)) {
      throw new IllegalArgumentException("the first move must start from the RECEIVED row");
    }
    Verification after = stamped(move.after(), now);
    Optional<VerificationResult> event =
        move.resultEvent().map(type -> ResultEventFactory.build(after, type, now));
    event.ifPresent(this::refuseDuplicate);
    refuseReusedOrderNumber(after);
    rows.put(after.id(), after);
    append(
        after.id(), null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, source, now, null);
    append(after.id(), move.from(), move.to(), move.cause(), source, now, move.details());
    event.ifPresent(outbox::add);
    return new CreateOutcome.Created(after);
  }

  @Override
  public synchronized CreateOutcome createRejected(NewRejection rejection, String source) {
    Optional<Verification> existing = findByRequest(rejection.clientId(), rejection.requestId());
    Instant now = clock.instant();
    StatusChange rejected = rejection.toChange(now);
    if (existing.isPresent()) {
      return existingOrConflict(existing.get(), rejected.after().submission());
    }
    Verification after = rejected.after();
    rows.put(after.id(), after);
    append(
        after.id(), null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, source, now, null);
    append(
        after.id(),
        rejected.from(),
        rejected.to(),
        rejected.cause(),
        source,
        now,
        rejected.details());
    rejected
        .resultEvent()
        .ifPresent(type -> outbox.add(ResultEventFactory.build(after, type, now)));
    return new CreateOutcome.Created(after);
  }

  private static CreateOutcome existingOrConflict(Verification existing, Submission s) {
    return existing.submission().requestHash().equals(s.requestHash())
        ? new CreateOutcome.Existing(existing)
        : new CreateOutcome.Conflict(existing.id());
  }

  @Override
  public synchronized Optional<Verification> find(UUID id) {
    return Optional.ofNullable(rows.get(id));
  }

  @Override
  public synchronized Optional<Verification> findByRequest(String clientId, String requestId) {
    return rows.values().stream()
        .filter(v -> v.clientId().equals(clientId) && v.requestId().equals(requestId))
        .findFirst();
  }

  @Override
  public boolean apply(Change change, String source) {
    List<Runnable> hooks;
    synchronized (this) {
      hooks = List.copyOf(beforeApply);
      beforeApply.clear();
    }
    hooks.forEach(Runnable::run); // outside the lock: a hook may write through this store
    synchronized (this) {
      applies.incrementAndGet();
      Verification stored = rows.get(change.verificationId());
      if (stored == null || stored.version() != change.expectedVersion()) {
        return false; // someone else moved it first: the caller re-reads and decides
      }
      Instant now = clock.instant();
      Verification after = stamped(change.after(), now);
      Optional<VerificationResult> event = Optional.empty();
      if (change instanceof StatusChange move && move.resultEvent().isPresent()) {
        event = Optional.of(ResultEventFactory.build(after, move.resultEvent().get(), now));
        refuseDuplicate(event.get());
      }
      refuseReusedOrderNumber(after);
      rows.put(after.id(), after);
      if (change instanceof StatusChange move) {
        append(after.id(), move.from(), move.to(), move.cause(), source, now, move.details());
        event.ifPresent(outbox::add);
      } else if (change instanceof FieldChange update) {
        update
            .note()
            .ifPresent(
                note ->
                    append(
                        after.id(),
                        after.status(),
                        after.status(),
                        note.cause(),
                        source,
                        now,
                        note.details()));
      }
      return true;
    }
  }

  /** The unique indexes outbox.event_id and outbox_one_final_event. */
  private void refuseDuplicate(VerificationResult event) {
    for (VerificationResult e : outbox) {
      boolean sameId = e.eventId().equals(event.eventId());
      boolean secondFinal =
          e.verificationId().equals(event.verificationId())
              && e.type().isFinal()
              && event.type().isFinal();
      if (sameId || secondFinal) {
        throw new DataIntegrityViolationException(
            "outbox already holds " + e.type().value() + " for " + e.verificationId());
      }
    }
  }

  /** The unique index on verifications.outer_order_no. */
  private void refuseReusedOrderNumber(Verification after) {
    if (after.outerOrderNo() == null) {
      return;
    }
    for (Verification other : rows.values()) {
      if (!other.id().equals(after.id()) && after.outerOrderNo().equals(other.outerOrderNo())) {
        throw new DataIntegrityViolationException(
            "outer_order_no " + after.outerOrderNo() + " is taken");
      }
    }
  }

  @Override
  public synchronized boolean recordNote(
      UUID id, String cause, String source, Map<String, String> details) {
    Causes.require(cause);
    Verification v = rows.get(id);
    if (v == null) {
      return false;
    }
    append(id, v.status(), v.status(), cause, source, clock.instant(), details);
    return true;
  }

  @Override
  public synchronized List<Verification> claimDueQueries(Instant now, int limit, Duration lease) {
    List<Verification> due =
        rows.values().stream()
            .filter(v -> v.status() == VerificationStatus.AWAITING_USER)
            .filter(v -> v.nextQueryAt() != null && !v.nextQueryAt().isAfter(now))
            .sorted(Comparator.comparing(Verification::nextQueryAt))
            .limit(limit)
            .toList();
    List<Verification> claimed = new ArrayList<>();
    for (Verification v : due) {
      // the same fields DueQueryClaims' single UPDATE sets, with no timeline entry
      Verification started = stamped(v.startQuery(now, lease).after(), now);
      rows.put(started.id(), started);
      claimed.add(started);
    }
    return claimed;
  }

  @Override
  public synchronized boolean requestReplay(UUID id, long version, String source) {
    Verification v = rows.get(id);
    ReplayKey key = new ReplayKey(id, version);
    if (v != null && v.version() == version && v.status() == VerificationStatus.DEAD_LETTERED) {
      replayRequests.add(key);
      return true;
    }
    return replayRequests.contains(key);
  }

  @Override
  public synchronized boolean replayRequested(Verification verification) {
    return verification.status() == VerificationStatus.DEAD_LETTERED
        && replayRequests.contains(new ReplayKey(verification.id(), verification.version()));
  }

  @Override
  public synchronized List<Transition> timeline(UUID id) {
    return transitions.stream().filter(t -> t.verificationId().equals(id)).toList();
  }

  /** Every result event written so far, in the order the relay would publish them. */
  public synchronized List<VerificationResult> outbox() {
    return List.copyOf(outbox);
  }

  /** The result events of one verification, oldest first. */
  public synchronized List<ResultType> eventsOf(UUID id) {
    return outbox.stream()
        .filter(e -> e.verificationId().equals(id))
        .map(VerificationResult::type)
        .toList();
  }

  /** Every stored verification, in the order they were created. */
  public synchronized List<Verification> all() {
    return List.copyOf(rows.values());
  }

  /** How often {@link #apply} was called, won or lost. */
  public int applyCalls() {
    return applies.get();
  }

  /**
   * Runs {@code writer} just before the next {@link #apply} compares versions: a concurrent writer
   * that moves the verification first, so the caller's change loses the race.
   */
  public synchronized void beforeNextApply(Runnable writer) {
    beforeApply.add(writer);
  }

  /**
   * Stores {@code verification} as it is (a row another writer left behind), bypassing the status
   * machine. For setting up a state no path reaches quickly; prefer the real transitions.
   */
  public synchronized Verification put(Verification verification) {
    rows.put(verification.id(), verification);
    return verification;
  }

  /** Makes the next {@link #apply} lose its compare-and-set, as if another writer came first. */
  public void failNextApply() {
    beforeNextApply(this::bumpAllVersions);
  }

  private synchronized void bumpAllVersions() {
    rows.replaceAll((id, v) -> withVersion(v, v.version() + 1));
  }

  private static Verification withVersion(Verification v, long version) {
    return new Verification(
        v.id(),
        version,
        v.status(),
        v.submission(),
        v.outerOrderNo(),
        v.certifyId(),
        v.certifyUrl(),
        v.expiresAt(),
        v.nextQueryAt(),
        v.queryAttempts(),
        v.lastQueryAt(),
        v.userReturnedAt(),
        v.failure(),
        v.deadLetter(),
        v.createdAt(),
        v.updatedAt());
  }

  /**
   * As the database stores it: updated_at is the write's time, as {@code SET updated_at = :now}.
   */
  private static Verification stamped(Verification v, Instant now) {
    return new Verification(
        v.id(),
        v.version(),
        v.status(),
        v.submission(),
        v.outerOrderNo(),
        v.certifyId(),
        v.certifyUrl(),
        v.expiresAt(),
        v.nextQueryAt(),
        v.queryAttempts(),
        v.lastQueryAt(),
        v.userReturnedAt(),
        v.failure(),
        v.deadLetter(),
        v.createdAt(),
        now);
  }

  private void append(
      UUID id,
      VerificationStatus from,
      VerificationStatus to,
      String cause,
      String source,
      Instant at,
      Map<String, String> details) {
    transitions.add(
        new Transition(
            nextTransitionId++,
            id,
            from,
            to,
            cause,
            source,
            at,
            details == null ? Map.of() : Map.copyOf(details)));
  }

  private record ReplayKey(UUID id, long version) {}
}
