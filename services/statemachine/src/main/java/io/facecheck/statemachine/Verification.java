package io.facecheck.statemachine;

import static io.facecheck.statemachine.VerificationStatus.AWAITING_USER;
import static io.facecheck.statemachine.VerificationStatus.DEAD_LETTERED;
import static io.facecheck.statemachine.VerificationStatus.EXPIRED;
import static io.facecheck.statemachine.VerificationStatus.FAILED;
import static io.facecheck.statemachine.VerificationStatus.INITIALIZING;
import static io.facecheck.statemachine.VerificationStatus.PASSED;
import static io.facecheck.statemachine.VerificationStatus.REJECTED;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One verification as stored, immutable and free of PII (the identity stays sealed in the database,
 * see {@link SealedIdentity}). Nothing sets a status from outside: each named method checks the
 * move against {@link VerificationStatus}'s table and returns the {@link Change} to persist by
 * compare-and-set.
 */
public record Verification(
    UUID id,
    long version,
    VerificationStatus status,
    Submission submission,
    String outerOrderNo,
    String certifyId,
    String certifyUrl,
    Instant expiresAt,
    Instant nextQueryAt,
    int queryAttempts,
    Instant lastQueryAt,
    Instant userReturnedAt,
    Failure failure,
    DeadLetterMark deadLetter,
    Instant createdAt,
    Instant updatedAt) {

  private static final Pattern OUTER_ORDER_NO = Pattern.compile("[A-Za-z0-9]{1,32}");

  public Verification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(submission, "submission");
  }

  public String clientId() {
    return submission.clientId();
  }

  public String requestId() {
    return submission.requestId();
  }

  /** Writes intent before Alipay is called: a crash after this leaves a row to repair. */
  public StatusChange markInitializing(String outerOrderNo) {
    if (outerOrderNo == null || !OUTER_ORDER_NO.matcher(outerOrderNo).matches()) {
      throw new IllegalArgumentException("outer_order_no is 1-32 letters or digits");
    }
    return move(
        INITIALIZING,
        Causes.INITIALIZE_STARTED,
        Map.of("outer_order_no", outerOrderNo),
        d -> d.outerOrderNo = outerOrderNo);
  }

  /**
   * Alipay gave a certify URL; the first ladder query is due at {@code firstQueryAt}, or at once
   * when the user already came back while Alipay was being called (the callback found no query to
   * make due then, and a callback triggers a query at once: docs/architecture.md, Guarantees).
   */
  public StatusChange markAwaitingUser(String certifyId, String certifyUrl, Instant firstQueryAt) {
    Objects.requireNonNull(certifyId, "certifyId");
    Objects.requireNonNull(certifyUrl, "certifyUrl");
    Objects.requireNonNull(firstQueryAt, "firstQueryAt");
    return move(
        AWAITING_USER,
        Causes.CERTIFY_URL_ISSUED,
        Map.of("certify_id", certifyId),
        d -> {
          d.certifyId = certifyId;
          d.certifyUrl = certifyUrl;
          d.nextQueryAt =
              userReturnedAt != null && userReturnedAt.isBefore(firstQueryAt)
                  ? userReturnedAt
                  : firstQueryAt;
        });
  }

  public StatusChange markPassed() {
    return move(PASSED, Causes.QUERY_PASSED, Map.of(), d -> {});
  }

  /**
   * Only after the user returned: before that, passed=F means "not finished yet"
   * (docs/architecture.md, Ladder and decisions).
   */
  public StatusChange markFailed(String failReason) {
    if (status == AWAITING_USER && userReturnedAt == null) {
      throw refused("FAILED needs the user's return first; keep waiting or expire");
    }
    String message =
        failReason == null ? "Alipay reported the face verification as not passed" : failReason;
    Map<String, String> details = failReason == null ? Map.of() : Map.of("fail_reason", failReason);
    return move(
        FAILED,
        Causes.QUERY_FAILED,
        details,
        d -> d.failure = new Failure(Failure.VERIFICATION_FAILED, null, message));
  }

  /**
   * Only after a query issued at or after expires_at: there is always a final query
   * (docs/architecture.md, Guarantees).
   */
  public StatusChange markExpired() {
    if (status == AWAITING_USER
        && (lastQueryAt == null || expiresAt == null || lastQueryAt.isBefore(expiresAt))) {
      throw refused("EXPIRED needs a final query issued at or after expires_at " + expiresAt);
    }
    return move(
        EXPIRED,
        Causes.EXPIRED_AFTER_FINAL_QUERY,
        Map.of(),
        d ->
            d.failure =
                new Failure(
                    Failure.VERIFICATION_EXPIRED,
                    null,
                    "the user did not finish the verification before " + expiresAt));
  }

  /**
   * Reached past expires_at before a certify URL was issued (a late redelivery or replay): it is
   * never initialized, since nobody could finish it; no query is needed, no user was ever sent.
   */
  public StatusChange markExpiredBeforeStart(Instant now) {
    Objects.requireNonNull(now, "now");
    if (status != VerificationStatus.RECEIVED && status != INITIALIZING) {
      throw refused("only a verification not yet started can expire before its start");
    }
    if (expiresAt == null || now.isBefore(expiresAt)) {
      throw refused("EXPIRED before the start needs now at or after expires_at " + expiresAt);
    }
    return move(
        EXPIRED,
        Causes.EXPIRED_BEFORE_START,
        Map.of(),
        d ->
            d.failure =
                new Failure(
                    Failure.VERIFICATION_EXPIRED,
                    null,
                    "the verification could not be started before " + expiresAt));
  }

  /** The request cannot be started: invalid, or Alipay refused it (40004 with its sub_code). */
  public StatusChange markRejected(String code, String field, String message) {
    Failure failure = new Failure(code, field, message);
    Map<String, String> details = new HashMap<>(Map.of("code", code, "message", message));
    if (field != null) {
      details.put("field", field);
    }
    return move(REJECTED, Causes.REQUEST_REJECTED, details, d -> d.failure = failure);
  }

  /** Parks the verification for ops; {@link #resumeFromDeadLetter} brings it back. */
  public StatusChange markDeadLettered(String reason) {
    Objects.requireNonNull(reason, "reason");
    return move(
        DEAD_LETTERED,
        Causes.DEAD_LETTERED,
        Map.of("reason", reason),
        d -> d.deadLetter = new DeadLetterMark(status, reason));
  }

  /** Ops replay: back to the status it left. A resumed wait for the user is queried at once. */
  public StatusChange resumeFromDeadLetter(Instant now) {
    if (deadLetter == null) {
      throw refused("only a dead-lettered verification can be resumed");
    }
    VerificationStatus back = deadLetter.returnsTo();
    return move(
        back,
        Causes.REPLAYED,
        Map.of("dead_letter_reason", deadLetter.reason()),
        d -> {
          d.deadLetter = null;
          d.nextQueryAt = back == AWAITING_USER ? now : null;
        });
  }

  /** Sets when the reconciler queries next (a ladder step, or the final query at expires_at). */
  public FieldChange scheduleQuery(Instant nextQueryAt) {
    Objects.requireNonNull(nextQueryAt, "nextQueryAt");
    requireAwaitingUser("schedule a query");
    return update(Optional.empty(), d -> d.nextQueryAt = nextQueryAt);
  }

  /**
   * A query is being sent now: counts it, remembers when (for {@link #markExpired}) and leases the
   * row, so it is due again only if no result arrives within {@code lease}.
   */
  public FieldChange startQuery(Instant now, Duration lease) {
    requireAwaitingUser("start a query");
    return update(
        Optional.empty(),
        d -> {
          d.queryAttempts = queryAttempts + 1;
          d.lastQueryAt = now;
          d.nextQueryAt = now.plus(lease);
        });
  }

  /**
   * The user's browser came back (the first return counts). While waiting for the user, a query
   * becomes due at once: callbacks are hints, the query is the truth (docs/architecture.md,
   * Guarantees). Before that (the initialize call still in flight) the return is kept, and {@link
   * #markAwaitingUser} makes the first query due at once.
   */
  public FieldChange recordUserReturned(Instant at) {
    Objects.requireNonNull(at, "at");
    if (status.isFinal()) {
      throw refused(
          "a final verification notes late callbacks instead (" + Causes.LATE_RESULT + ")");
    }
    Note note = new Note(Causes.USER_RETURNED, Map.of("returned_at", at.toString()));
    return update(
        Optional.of(note),
        d -> {
          d.userReturnedAt = userReturnedAt == null ? at : userReturnedAt;
          if (status == AWAITING_USER && (nextQueryAt == null || at.isBefore(nextQueryAt))) {
            d.nextQueryAt = at;
          }
        });
  }

  private StatusChange move(
      VerificationStatus to, String cause, Map<String, String> details, Consumer<Draft> edit) {
    if (!status.canMoveTo(to)) {
      throw refused("cannot move to " + to);
    }
    Draft draft = new Draft(this);
    draft.status = to;
    if (to != AWAITING_USER) {
      draft.nextQueryAt = null; // only a verification waiting for its user is ever queried
    }
    edit.accept(draft);
    return new StatusChange(
        this, draft.build(), cause, details, VerificationStatus.resultEventOf(status, to));
  }

  private FieldChange update(Optional<Note> note, Consumer<Draft> edit) {
    Draft draft = new Draft(this);
    edit.accept(draft);
    return new FieldChange(this, draft.build(), note);
  }

  private void requireAwaitingUser(String what) {
    if (status != AWAITING_USER) {
      throw refused("cannot " + what + " unless " + AWAITING_USER);
    }
  }

  private IllegalTransitionException refused(String what) {
    return new IllegalTransitionException(id, status, what);
  }
}
