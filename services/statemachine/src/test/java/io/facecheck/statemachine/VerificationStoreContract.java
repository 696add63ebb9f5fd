package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What every {@link VerificationStore} promises its callers. Run against PostgreSQL ({@code
 * JdbcVerificationStoreContractIT}) and against the in-memory store the use cases' unit tests use
 * ({@code InMemoryVerificationStoreTest}): the same assertions, so the fake cannot drift from the
 * real store.
 */
public abstract class VerificationStoreContract {

  /** A result event as written to the outbox with its change. */
  public record Event(ResultType type, UUID eventId) {}

  /** A fresh, empty store on {@code clock}, and how to read the outbox it writes. */
  public record Harness(VerificationStore store, Function<UUID, List<Event>> events) {}

  protected abstract Harness newStore(MutableClock clock);

  private static final PiiCipher CIPHER =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private VerificationStore store;
  private Function<UUID, List<Event>> events;

  @BeforeEach
  void freshStore() {
    Harness harness = newStore(clock);
    store = harness.store();
    events = harness.events();
  }

  private Verification created(String requestId) {
    return ((CreateOutcome.Created) store.create(sealed(requestId, Fixtures.HASH), "intake"))
        .verification();
  }

  private NewVerification sealed(String requestId, String hash) {
    return NewVerification.seal(Fixtures.request(requestId), hash, CIPHER, clock);
  }

  private Verification awaiting(String requestId, Instant firstQueryAt) {
    Verification v = created(requestId);
    StatusChange init = v.markInitializing(OrderNumbers.of(requestId));
    assertThat(store.apply(init, "worker")).isTrue();
    assertThat(
            store.apply(
                init.after()
                    .markAwaitingUser("cid-" + requestId, "https://a.example/c", firstQueryAt),
                "worker"))
        .isTrue();
    return store.find(v.id()).orElseThrow();
  }

  private Verification deadLettered(String requestId) {
    Verification v = created(requestId);
    StatusChange init = v.markInitializing(OrderNumbers.of(requestId));
    assertThat(store.apply(init, "worker")).isTrue();
    assertThat(store.apply(init.after().markDeadLettered("PROVIDER_CONFIG"), "worker")).isTrue();
    return store.find(v.id()).orElseThrow();
  }

  @Test
  void createStoresReceivedStampedByTheStoresClockWithItsFirstTimelineEntry() {
    Instant now = clock.instant();

    Verification v = created("create-1");

    assertThat(v.status()).isEqualTo(VerificationStatus.RECEIVED);
    assertThat(v.version()).isZero();
    assertThat(v.expiresAt()).isEqualTo(now.plusSeconds(900));
    assertThat(v.createdAt()).isEqualTo(now);
    assertThat(v.updatedAt()).isEqualTo(now);
    assertThat(v.submission().metadata()).containsExactly(Map.entry("order", "42"));
    assertThat(store.find(v.id())).contains(v);
    assertThat(store.findByRequest("loan-service", "create-1")).contains(v);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::from, Transition::to, Transition::cause, Transition::source)
        .containsExactly(
            tuple(null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, "intake"));
    assertThat(events.apply(v.id())).isEmpty();
  }

  @Test
  void theIdempotencyKeyYieldsTheStoredVerificationOrAConflictNeverASecondRow() {
    Verification first = created("idem-1");
    assertThat(store.apply(first.markInitializing("FCIDEM1"), "worker")).isTrue();

    assertThat(store.create(sealed("idem-1", Fixtures.HASH), "intake"))
        .isEqualTo(new CreateOutcome.Existing(store.find(first.id()).orElseThrow()));
    assertThat(store.create(sealed("idem-1", "b".repeat(64)), "intake"))
        .isEqualTo(new CreateOutcome.Conflict(first.id()));
    assertThat(store.timeline(first.id())).hasSize(2);
  }

  @Test
  void aStatusChangeMovesTheRowWritesItsTimelineEntryAndItsEventTogether() {
    Verification v = created("apply-1");
    clock.advance(Duration.ofSeconds(3));
    StatusChange init = v.markInitializing("FCAPPLY1");
    assertThat(store.apply(init, "worker@a")).isTrue();
    StatusChange issued =
        init.after().markAwaitingUser("cid-9", "https://a.example/c9", clock.instant());

    assertThat(store.apply(issued, "worker@a")).isTrue();

    Verification stored = store.find(v.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.certifyId()).isEqualTo("cid-9");
    assertThat(stored.certifyUrl()).isEqualTo("https://a.example/c9");
    assertThat(stored.nextQueryAt()).isEqualTo(clock.instant());
    assertThat(stored.createdAt()).isEqualTo(v.createdAt());
    assertThat(stored.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.timeline(v.id()))
        .extracting(Transition::to, Transition::cause, Transition::source, Transition::occurredAt)
        .containsExactly(
            tuple(VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, "intake", v.createdAt()),
            tuple(
                VerificationStatus.INITIALIZING,
                Causes.INITIALIZE_STARTED,
                "worker@a",
                clock.instant()),
            tuple(
                VerificationStatus.AWAITING_USER,
                Causes.CERTIFY_URL_ISSUED,
                "worker@a",
                clock.instant()));
    assertThat(store.timeline(v.id()).get(1).details()).containsEntry("outer_order_no", "FCAPPLY1");
    assertThat(events.apply(v.id()))
        .containsExactly(
            new Event(
                ResultType.CERTIFY_URL_ISSUED,
                VerificationResult.eventIdFor(v.id(), ResultType.CERTIFY_URL_ISSUED)));
  }

  @Test
  void createThenStoresTheMovedRowWithBothTimelineEntriesInOrder() {
    Instant now = clock.instant();
    NewVerification nv = sealed("then-1", Fixtures.HASH);

    CreateOutcome outcome =
        store.createThen(nv, received -> received.markInitializing("FCTHEN1"), "worker@a");

    Verification v = ((CreateOutcome.Created) outcome).verification();
    assertThat(v.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(v.version()).isEqualTo(1);
    assertThat(v.outerOrderNo()).isEqualTo("FCTHEN1");
    assertThat(v.expiresAt()).isEqualTo(now.plusSeconds(900));
    assertThat(v.createdAt()).isEqualTo(now);
    assertThat(v.updatedAt()).isEqualTo(now);
    assertThat(store.find(v.id())).contains(v);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::from, Transition::to, Transition::cause, Transition::source)
        .containsExactly(
            tuple(null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED, "worker@a"),
            tuple(
                VerificationStatus.RECEIVED,
                VerificationStatus.INITIALIZING,
                Causes.INITIALIZE_STARTED,
                "worker@a"));
    assertThat(store.timeline(v.id()).get(1).details()).containsEntry("outer_order_no", "FCTHEN1");
    assertThat(events.apply(v.id())).isEmpty();
    // the row is a normal INITIALIZING one: the next move's compare-and-set wins on version 1
    assertThat(store.apply(v.markAwaitingUser("cid-t", "https://a.example/t", now), "worker@a"))
        .isTrue();
  }

  @Test
  void createThenWritesTheMovesResultEventWithIt() {
    NewVerification nv = sealed("then-2", Fixtures.HASH);

    Verification v =
        ((CreateOutcome.Created)
                store.createThen(
                    nv, received -> received.markRejected("UNKNOWN_APP", "/app", "no app"), "w"))
            .verification();

    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(v.failure()).isEqualTo(new Failure("UNKNOWN_APP", "/app", "no app"));
    assertThat(store.timeline(v.id()))
        .extracting(Transition::to)
        .containsExactly(VerificationStatus.RECEIVED, VerificationStatus.REJECTED);
    assertThat(events.apply(v.id()))
        .containsExactly(
            new Event(
                ResultType.REJECTED, VerificationResult.eventIdFor(v.id(), ResultType.REJECTED)));
  }

  @Test
  void createThenOnAKnownKeyMovesNothingAndAnswersAsCreateDoes() {
    Verification first = created("then-3");

    assertThat(
            store.createThen(
                sealed("then-3", Fixtures.HASH), r -> r.markInitializing("FCTHEN3"), "worker"))
        .isEqualTo(new CreateOutcome.Existing(first));
    assertThat(
            store.createThen(
                sealed("then-3", "b".repeat(64)), r -> r.markInitializing("FCTHEN3B"), "worker"))
        .isEqualTo(new CreateOutcome.Conflict(first.id()));

    assertThat(store.find(first.id())).contains(first);
    assertThat(store.timeline(first.id())).hasSize(1);
  }

  @Test
  void createThenRefusedByTheDatabaseWritesNothingAtAll() {
    Verification other = created("then-4a");
    assertThat(store.apply(other.markInitializing("FCTAKEN"), "worker")).isTrue();
    NewVerification nv = sealed("then-4b", Fixtures.HASH);

    // outer_order_no is unique: the row, its RECEIVED entry and the move go together or not at all
    assertThatThrownBy(() -> store.createThen(nv, r -> r.markInitializing("FCTAKEN"), "worker"))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(store.find(nv.id())).isEmpty();
    assertThat(store.findByRequest("loan-service", "then-4b")).isEmpty();
    assertThat(store.timeline(nv.id())).isEmpty();
  }

  @Test
  void aChangeBuiltFromAStaleVersionLosesAndWritesNothing() {
    Verification v = created("cas-1");
    StatusChange winner = v.markInitializing("FCCAS1");
    StatusChange loser = v.markRejected("INVALID", null, "too late");

    assertThat(store.apply(winner, "a")).isTrue();
    assertThat(store.apply(loser, "b")).isFalse();

    Verification stored = store.find(v.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(store.timeline(v.id())).extracting(Transition::source).doesNotContain("b");
    assertThat(events.apply(v.id())).isEmpty();
  }

  @Test
  void aChangeOfAnUnknownVerificationWritesNothing() {
    Verification neverStored = Fixtures.received("ghost-1");

    assertThat(store.apply(neverStored.markInitializing("FCGHOST1"), "worker")).isFalse();

    assertThat(store.find(neverStored.id())).isEmpty();
    assertThat(store.timeline(neverStored.id())).isEmpty();
  }

  @Test
  void aChangeTheDatabaseRefusesLeavesTheRowAndTheTimelineAsTheyWere() {
    Verification first = created("order-a");
    Verification second = created("order-b");
    assertThat(store.apply(first.markInitializing("FCSAMEORDER"), "worker")).isTrue();

    // outer_order_no is unique: a second verification can never take the first one's
    assertThatThrownBy(() -> store.apply(second.markInitializing("FCSAMEORDER"), "worker"))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(store.find(second.id())).contains(second);
    assertThat(store.timeline(second.id())).hasSize(1);
  }

  @Test
  void aFieldChangeKeepsTheStatusWritesItsNoteAndNoEvent() {
    Verification v = awaiting("return-1", clock.instant().plusSeconds(60));
    clock.advance(Duration.ofSeconds(5));

    assertThat(store.apply(v.recordUserReturned(clock.instant()), "reconciler")).isTrue();

    Verification stored = store.find(v.id()).orElseThrow();
    assertThat(stored.userReturnedAt()).isEqualTo(clock.instant());
    assertThat(stored.nextQueryAt()).isEqualTo(clock.instant());
    assertThat(stored.version()).isEqualTo(v.version() + 1);
    Transition note = store.timeline(v.id()).get(3);
    assertThat(note.isNote()).isTrue();
    assertThat(note.cause()).isEqualTo(Causes.USER_RETURNED);
    assertThat(note.from()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(events.apply(v.id()))
        .extracting(Event::type)
        .containsExactly(ResultType.CERTIFY_URL_ISSUED);

    // a field change without a note writes no timeline entry
    assertThat(store.apply(stored.scheduleQuery(clock.instant().plusSeconds(90)), "reconciler"))
        .isTrue();
    assertThat(store.timeline(v.id())).hasSize(4);
  }

  @Test
  void aNoteKeepsStatusAndVersionAndNeedsAVerification() {
    Verification v = created("note-1");
    assertThat(store.apply(v.markRejected("INVALID", "/app", "unknown app"), "worker")).isTrue();

    assertThat(
            store.recordNote(v.id(), Causes.LATE_RESULT, "reconciler", Map.of("outcome", "PASSED")))
        .isTrue();
    assertThat(store.recordNote(UUID.randomUUID(), Causes.LATE_RESULT, "reconciler", Map.of()))
        .isFalse();
    assertThatThrownBy(() -> store.recordNote(v.id(), "not a cause", "reconciler", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);

    Transition note = store.timeline(v.id()).get(2);
    assertThat(note.from()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(note.to()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(note.details()).containsExactly(Map.entry("outcome", "PASSED"));
    assertThat(store.timeline(v.id())).hasSize(3);
    assertThat(store.find(v.id()).orElseThrow().version()).isEqualTo(1);
    assertThat(events.apply(v.id())).extracting(Event::type).containsExactly(ResultType.REJECTED);
  }

  @Test
  void aClaimTakesDueRowsOldestFirstUpToTheLimitAndLeasesThem() {
    Instant now = clock.instant().plusSeconds(600);
    Verification later = awaiting("claim-later", now.minusSeconds(10));
    Verification sooner = awaiting("claim-sooner", now.minusSeconds(20));
    Verification exactlyNow = awaiting("claim-now", now);
    Verification notYet = awaiting("claim-not-yet", now.plusSeconds(1));
    Verification finished = awaiting("claim-finished", now.minusSeconds(30));
    assertThat(store.apply(finished.markPassed(), "reconciler")).isTrue();
    clock.advance(Duration.ofSeconds(7));

    List<Verification> first = store.claimDueQueries(now, 2, Duration.ofSeconds(30));
    List<Verification> second = store.claimDueQueries(now, 10, Duration.ofSeconds(30));

    assertThat(first).extracting(Verification::id).containsExactly(sooner.id(), later.id());
    assertThat(second).extracting(Verification::id).containsExactly(exactlyNow.id());
    Verification leased = store.find(later.id()).orElseThrow();
    assertThat(first.get(1)).isEqualTo(leased);
    assertThat(leased.nextQueryAt()).isEqualTo(now.plusSeconds(30));
    assertThat(leased.queryAttempts()).isEqualTo(1);
    assertThat(leased.lastQueryAt()).isEqualTo(now);
    assertThat(leased.version()).isEqualTo(later.version() + 1);
    assertThat(leased.updatedAt()).isEqualTo(now);
    assertThat(store.timeline(later.id())).hasSize(3); // a claim is no timeline entry
    assertThat(store.find(notYet.id()).orElseThrow()).isEqualTo(notYet);
    assertThat(store.claimDueQueries(now, 10, Duration.ofSeconds(30))).isEmpty();
    List<Verification> afterTheLease =
        store.claimDueQueries(now.plusSeconds(30), 10, Duration.ofSeconds(30));
    assertThat(afterTheLease)
        .extracting(Verification::id)
        .containsExactlyInAnyOrder(sooner.id(), later.id(), notYet.id(), exactlyNow.id());
    assertThat(afterTheLease.get(0).id()).isEqualTo(notYet.id());
  }

  @Test
  void anInvalidRequestIsStoredRejectedThroughReceivedWithItsEvent() {
    Instant now = clock.instant();
    NewRejection rejection =
        NewRejection.of(
            "loan-service",
            "invalid-1",
            "c".repeat(64),
            new Failure("INVALID_REQUEST", "/identity/cert_no", "check character does not match"),
            clock);

    Verification v =
        ((CreateOutcome.Created) store.createRejected(rejection, "worker")).verification();

    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(v.version()).isEqualTo(1);
    assertThat(v.expiresAt()).isNull();
    assertThat(v.createdAt()).isEqualTo(now);
    assertThat(v.submission().app()).isNull();
    assertThat(v.submission().metadata()).isEmpty();
    assertThat(v.failure())
        .isEqualTo(
            new Failure("INVALID_REQUEST", "/identity/cert_no", "check character does not match"));
    assertThat(store.find(v.id())).contains(v);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::from, Transition::to, Transition::cause)
        .containsExactly(
            tuple(null, VerificationStatus.RECEIVED, Causes.REQUEST_RECEIVED),
            tuple(
                VerificationStatus.RECEIVED, VerificationStatus.REJECTED, Causes.REQUEST_REJECTED));
    assertThat(events.apply(v.id()))
        .containsExactly(
            new Event(
                ResultType.REJECTED, VerificationResult.eventIdFor(v.id(), ResultType.REJECTED)));

    assertThat(store.createRejected(rejection, "worker")).isEqualTo(new CreateOutcome.Existing(v));
    NewRejection other =
        NewRejection.of(
            "loan-service", "invalid-1", "d".repeat(64), new Failure("X", null, "y"), clock);
    assertThat(store.createRejected(other, "worker")).isEqualTo(new CreateOutcome.Conflict(v.id()));
    assertThat(events.apply(v.id())).hasSize(1);
  }

  @Test
  void aRejectionReusingTheIdsOfAValidRequestIsTheSameOnlyWithTheSameHash() {
    Verification valid = created("shared-ids");
    NewRejection sameHash =
        NewRejection.of(
            "loan-service", "shared-ids", Fixtures.HASH, new Failure("X", null, "y"), clock);

    assertThat(store.createRejected(sameHash, "worker"))
        .isEqualTo(new CreateOutcome.Existing(valid));
    assertThat(store.find(sameHash.id())).isEmpty();
  }

  @Test
  void aReplayIsRequestedForTheDeadLetteredVersionOnlyAndUsedUpByTheResume() {
    Verification parked = deadLettered("replay-1");

    assertThat(store.replayRequested(parked)).isFalse();
    assertThat(store.requestReplay(parked.id(), parked.version() - 1, "ops@a")).isFalse();
    assertThat(store.requestReplay(UUID.randomUUID(), 0, "ops@a")).isFalse();
    assertThat(store.requestReplay(parked.id(), parked.version(), "ops@a")).isTrue();
    assertThat(store.requestReplay(parked.id(), parked.version(), "ops@b")).isTrue();
    assertThat(store.replayRequested(parked)).isTrue();

    assertThat(store.apply(parked.resumeFromDeadLetter(clock.instant()), "worker")).isTrue();
    Verification resumed = store.find(parked.id()).orElseThrow();
    assertThat(resumed.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(store.replayRequested(resumed)).isFalse();
    // asked again for the version it no longer has: still on record, but nothing to resume
    assertThat(store.requestReplay(parked.id(), parked.version(), "ops@c")).isTrue();

    assertThat(store.apply(resumed.markDeadLettered("PROVIDER_CONFIG"), "worker")).isTrue();
    Verification parkedAgain = store.find(parked.id()).orElseThrow();
    assertThat(store.replayRequested(parkedAgain)).isFalse();
  }

  @Test
  void aVerificationThatIsNotDeadLetteredCannotBeAskedToReplay() {
    Verification received = created("replay-3");

    assertThat(store.requestReplay(received.id(), received.version(), "ops@a")).isFalse();
    assertThat(store.replayRequested(received)).isFalse();
  }

  /** outer_order_no is 1-32 letters or digits. */
  private static final class OrderNumbers {
    static String of(String requestId) {
      String digits = "FC" + requestId.replaceAll("[^A-Za-z0-9]", "");
      return digits.length() > 32 ? digits.substring(0, 32) : digits;
    }
  }
}
