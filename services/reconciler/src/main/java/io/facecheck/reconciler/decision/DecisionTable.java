package io.facecheck.reconciler.decision;

import static io.facecheck.contracts.query.QueryOutcome.NOT_FOUND;
import static io.facecheck.contracts.query.QueryOutcome.PASSED;

import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.reconciler.decision.Decision.Kind;
import io.facecheck.reconciler.ladder.FinalQueryLimit;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns Alipay's answer into an outcome (docs/architecture.md, Ladder and decisions). The table is
 * data, {@link #ROWS}, read top to bottom; every input matches exactly one row (tested). Pure: no
 * clock, no database; the caller applies the decision by compare-and-set and asks again if it lost
 * the race.
 *
 * <p>"Asked after the return": the query was sent ({@code queried_at}, stamped by the worker when
 * it sent the query) at or after {@code user_returned_at}, or it is a CALLBACK query, which only a
 * recorded return starts. A "not passed" asked before the return may be stale: the user may have
 * passed since. For a LADDER query the ladder asks again anyway; for a FINAL one nothing would, so
 * it asks again at once (REQUERY), and only a final answer with no return at all expires.
 *
 * <p>NOT_FOUND fails only once the user has returned: the status machine allows FAILED only after a
 * return (docs/architecture.md, Status model), so before it an unknown certification waits for the
 * final query like any unfinished one and ends EXPIRED.
 */
public final class DecisionTable {

  /** Error code of a FAILED verification whose certify_id Alipay does not know. */
  public static final String CERTIFY_NOT_FOUND = "CERTIFY_NOT_FOUND";

  /** Error code of a FAILED verification when Alipay gave no fail_reason. */
  public static final String NOT_PASSED = "NOT_PASSED";

  /** Where the verification stands, as far as a query result is concerned. */
  public enum Standing {
    /** PASSED, FAILED, EXPIRED, REJECTED. */
    FINAL,
    AWAITING_USER,
    /** DEAD_LETTERED after it left AWAITING_USER: Alipay knows its certification. */
    PARKED_WHILE_AWAITING_USER,
    /**
     * PARKED_WHILE_AWAITING_USER because its final queries went unanswered (FinalQueryLimit): what
     * ops would wait for is an answer, so a decisive one decides it.
     */
    PARKED_UNANSWERED,
    /** RECEIVED, INITIALIZING, or DEAD_LETTERED before its certify URL. */
    NOT_WAITING;

    public static Standing of(Verification v) {
      if (v.status() == VerificationStatus.DEAD_LETTERED
          && v.deadLetter() != null
          && v.deadLetter().returnsTo() == VerificationStatus.AWAITING_USER) {
        return FinalQueryLimit.REASON.equals(v.deadLetter().reason())
            ? PARKED_UNANSWERED
            : PARKED_WHILE_AWAITING_USER;
      }
      return of(v.status());
    }

    static Standing of(VerificationStatus status) {
      if (status.isFinal()) {
        return FINAL;
      }
      return status == VerificationStatus.AWAITING_USER ? AWAITING_USER : NOT_WAITING;
    }
  }

  /** When the query was asked, relative to the user's return. */
  public enum Timing {
    NOT_RETURNED,
    ASKED_AFTER_RETURN,
    ASKED_BEFORE_RETURN;

    static Timing of(Instant userReturnedAt, VerificationQueryResult result) {
      if (userReturnedAt == null) {
        return NOT_RETURNED;
      }
      return result.reason() == QueryReason.CALLBACK || !result.queriedAt().isBefore(userReturnedAt)
          ? ASKED_AFTER_RETURN
          : ASKED_BEFORE_RETURN;
    }
  }

  /** One row: the inputs it matches and its decision. */
  public record Row(
      Set<Standing> standing,
      Set<QueryOutcome> outcome,
      Set<Timing> timing,
      Set<Boolean> finalQuery,
      Kind decision) {

    boolean matches(Standing s, QueryOutcome o, Timing t, boolean isFinal) {
      return standing.contains(s)
          && outcome.contains(o)
          && timing.contains(t)
          && finalQuery.contains(isFinal);
    }
  }

  private static final Set<QueryOutcome> ANY_OUTCOME = EnumSet.allOf(QueryOutcome.class);
  private static final Set<Timing> ANY_TIMING = EnumSet.allOf(Timing.class);
  private static final Set<Boolean> ANY_QUERY = Set.of(true, false);
  private static final Set<Boolean> FINAL = Set.of(true);
  private static final Set<Boolean> NOT_FINAL = Set.of(false);
  private static final Set<Timing> RETURNED =
      EnumSet.of(Timing.ASKED_AFTER_RETURN, Timing.ASKED_BEFORE_RETURN);

  /** The table: standing, outcome, timing, final query?, decision. */
  public static final List<Row> ROWS =
      List.of(
          row(Standing.FINAL, ANY_OUTCOME, ANY_TIMING, ANY_QUERY, Kind.LATE_RESULT),
          row(Standing.NOT_WAITING, ANY_OUTCOME, ANY_TIMING, ANY_QUERY, Kind.NOT_AWAITING),
          row(
              Standing.PARKED_WHILE_AWAITING_USER,
              EnumSet.of(PASSED),
              ANY_TIMING,
              ANY_QUERY,
              Kind.PASS_AFTER_DEAD_LETTER),
          row(
              Standing.PARKED_WHILE_AWAITING_USER,
              EnumSet.of(QueryOutcome.NOT_PASSED, NOT_FOUND),
              ANY_TIMING,
              ANY_QUERY,
              Kind.NOT_AWAITING),
          row(
              Standing.PARKED_UNANSWERED,
              EnumSet.of(PASSED),
              ANY_TIMING,
              ANY_QUERY,
              Kind.PASS_AFTER_DEAD_LETTER),
          row(
              Standing.PARKED_UNANSWERED,
              EnumSet.of(QueryOutcome.NOT_PASSED, NOT_FOUND),
              ANY_TIMING,
              FINAL,
              Kind.DECIDE_AFTER_UNANSWERED),
          row(
              Standing.PARKED_UNANSWERED,
              EnumSet.of(QueryOutcome.NOT_PASSED, NOT_FOUND),
              EnumSet.of(Timing.ASKED_AFTER_RETURN),
              NOT_FINAL,
              Kind.DECIDE_AFTER_UNANSWERED),
          row(
              Standing.PARKED_UNANSWERED,
              EnumSet.of(QueryOutcome.NOT_PASSED, NOT_FOUND),
              EnumSet.of(Timing.NOT_RETURNED, Timing.ASKED_BEFORE_RETURN),
              NOT_FINAL,
              Kind.NOT_AWAITING),
          row(Standing.AWAITING_USER, EnumSet.of(PASSED), ANY_TIMING, ANY_QUERY, Kind.PASS),
          row(Standing.AWAITING_USER, EnumSet.of(NOT_FOUND), RETURNED, ANY_QUERY, Kind.FAIL),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(NOT_FOUND),
              EnumSet.of(Timing.NOT_RETURNED),
              FINAL,
              Kind.EXPIRE),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(NOT_FOUND),
              EnumSet.of(Timing.NOT_RETURNED),
              NOT_FINAL,
              Kind.KEEP_WAITING),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(QueryOutcome.NOT_PASSED),
              EnumSet.of(Timing.ASKED_AFTER_RETURN),
              ANY_QUERY,
              Kind.FAIL),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(QueryOutcome.NOT_PASSED),
              EnumSet.of(Timing.ASKED_BEFORE_RETURN),
              FINAL,
              Kind.REQUERY),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(QueryOutcome.NOT_PASSED),
              EnumSet.of(Timing.ASKED_BEFORE_RETURN),
              NOT_FINAL,
              Kind.KEEP_WAITING),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(QueryOutcome.NOT_PASSED),
              EnumSet.of(Timing.NOT_RETURNED),
              FINAL,
              Kind.EXPIRE),
          row(
              Standing.AWAITING_USER,
              EnumSet.of(QueryOutcome.NOT_PASSED),
              EnumSet.of(Timing.NOT_RETURNED),
              NOT_FINAL,
              Kind.KEEP_WAITING));

  private DecisionTable() {}

  /** Decides for a verification as stored. */
  public static Decision decide(Verification v, VerificationQueryResult result) {
    return decide(Standing.of(v), v.userReturnedAt(), result);
  }

  /** Decides by status alone (a DEAD_LETTERED one counts as not waiting for its user). */
  public static Decision decide(
      VerificationStatus status, Instant userReturnedAt, VerificationQueryResult result) {
    return decide(Standing.of(status), userReturnedAt, result);
  }

  public static Decision decide(
      Standing standing, Instant userReturnedAt, VerificationQueryResult result) {
    Row row =
        rowFor(standing, result.outcome(), Timing.of(userReturnedAt, result), isFinal(result));
    if (row.decision() != Kind.FAIL) {
      return Decision.of(row.decision());
    }
    if (result.outcome() == NOT_FOUND) {
      return Decision.fail(CERTIFY_NOT_FOUND);
    }
    String reason = result.failReason();
    return Decision.fail(reason == null || reason.isBlank() ? NOT_PASSED : reason);
  }

  /** The row an input falls in. */
  public static Row rowFor(Standing standing, QueryOutcome outcome, Timing timing, boolean fin) {
    return ROWS.stream()
        .filter(r -> r.matches(standing, outcome, timing, fin))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no row for " + standing + " " + outcome + " " + timing + " " + fin));
  }

  private static boolean isFinal(VerificationQueryResult result) {
    return result.reason() == QueryReason.FINAL;
  }

  private static Row row(
      Standing standing,
      Set<QueryOutcome> outcome,
      Set<Timing> timing,
      Set<Boolean> finalQuery,
      Kind decision) {
    return new Row(EnumSet.of(standing), outcome, timing, finalQuery, decision);
  }
}
