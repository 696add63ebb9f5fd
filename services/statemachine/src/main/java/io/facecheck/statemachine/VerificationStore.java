package io.facecheck.statemachine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Where verifications live. Every write is atomic with its timeline entry and outbox row. */
public interface VerificationStore {

  /**
   * Stores RECEIVED with its first timeline entry, unless the idempotency key exists already.
   *
   * @param source who writes, e.g. {@code intake@host-1}
   */
  CreateOutcome create(NewVerification verification, String source);

  /**
   * Stores RECEIVED and at once the move {@code first} builds from it (e.g. {@link
   * Verification#markInitializing}), in one transaction: both timeline entries (the RECEIVED one,
   * then the move's, so the timeline reads as if the two had been written apart) and the move's
   * result event, if any. When the idempotency key exists already, as {@link #create}: the move is
   * discarded and nothing is written. {@link CreateOutcome.Created} holds the verification after
   * the move.
   *
   * @param first called once, with the verification as RECEIVED (version 0), before the store knows
   *     whether the key is new: it only builds the move, with no side effect
   */
  CreateOutcome createThen(
      NewVerification verification, Function<Verification, StatusChange> first, String source);

  /**
   * Stores a request that parsed but is invalid as REJECTED, with its result event, unless the
   * idempotency key exists already (then, as {@link #create}, the same or a conflict).
   */
  CreateOutcome createRejected(NewRejection rejection, String source);

  Optional<Verification> find(UUID id);

  Optional<Verification> findByRequest(String clientId, String requestId);

  /**
   * Persists a change by compare-and-set, with its timeline entry and result event (if any) in the
   * same transaction.
   *
   * @param source who writes, e.g. {@code worker@host-1}
   * @return false when the version moved on: nothing was written; re-read and decide again
   */
  boolean apply(Change change, String source);

  /**
   * Appends a note (from = to = current status) to the timeline, e.g. {@link Causes#LATE_RESULT}.
   *
   * @return false when there is no such verification
   */
  boolean recordNote(UUID id, String cause, String source, Map<String, String> details);

  /**
   * Claims up to {@code limit} verifications whose query is due, oldest first, and in the same
   * statement starts their query ({@link Verification#startQuery}): two reconcilers never claim the
   * same row, and a claim whose result never arrives is due again after {@code lease}.
   */
  List<Verification> claimDueQueries(Instant now, int limit, Duration lease);

  /**
   * Ops asks for a dead-lettered verification to be resumed: the request is bound to its current
   * {@code version}, so it is used at most once (the resume moves the version on) and a record on a
   * topic alone, which anyone who can produce could forge, never resumes anything.
   *
   * @return false when the verification is not DEAD_LETTERED at {@code version}
   */
  boolean requestReplay(UUID id, long version, String source);

  /** Whether ops asked to resume {@code verification} as it is now (DEAD_LETTERED, its version). */
  boolean replayRequested(Verification verification);

  /** The timeline, oldest first. */
  List<Transition> timeline(UUID id);
}
