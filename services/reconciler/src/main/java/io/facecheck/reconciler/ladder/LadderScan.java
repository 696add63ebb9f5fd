package io.facecheck.reconciler.ladder;

import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.inbound.VerificationTraces;
import io.facecheck.reconciler.query.Queries;
import io.facecheck.reconciler.query.QueryCommands;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One bounded scan of the ladder: parks verifications whose final queries went unanswered, resumes
 * the ones ops asked to replay, then claims due verifications (SKIP LOCKED, with a lease), sends a
 * LADDER query for each (FINAL at or after expires_at), and schedules each one's next step. A crash
 * between claim and send leaves the lease running out, and the row is claimed again.
 */
public class LadderScan {

  /** The span each ladder query is sent in, a child of its verification's stored trace. */
  static final String SPAN = "ladder query";

  private final VerificationStore store;
  private final UnansweredFinalQueries unanswered;
  private final ReplayResumes replays;
  private final QueryCommands sender;
  private final LadderSteps steps;
  private final Clock clock;
  private final int batch;
  private final Duration lease;
  private final VerificationTraces traces;

  public LadderScan(
      VerificationStore store,
      UnansweredFinalQueries unanswered,
      ReplayResumes replays,
      QueryCommands sender,
      LadderSteps steps,
      Clock clock,
      int batch,
      Duration lease) {
    this(store, unanswered, replays, sender, steps, clock, batch, lease, VerificationTraces.NONE);
  }

  /**
   * @param traces the stored trace of each claimed verification, which its query continues
   */
  public LadderScan(
      VerificationStore store,
      UnansweredFinalQueries unanswered,
      ReplayResumes replays,
      QueryCommands sender,
      LadderSteps steps,
      Clock clock,
      int batch,
      Duration lease,
      VerificationTraces traces) {
    this.traces = traces;
    this.store = store;
    this.unanswered = unanswered;
    this.replays = replays;
    this.sender = sender;
    this.steps = steps;
    this.clock = clock;
    this.batch = batch;
    this.lease = lease;
  }

  /**
   * @return true when the batch was full, so more may be due right away
   */
  public boolean runOnce() {
    Instant now = clock.instant();
    // before the claim: a parked verification is not queried once more
    unanswered.parkDue(now);
    replays.resumeRequested(now);
    List<Verification> claimed = store.claimDueQueries(now, batch, lease);
    if (claimed.isEmpty()) {
      return false;
    }
    List<VerificationQuery> queries =
        claimed.stream()
            .map(v -> Queries.of(v, LadderSchedule.reasonAt(now, v.expiresAt()), now))
            .toList();
    Set<UUID> sent;
    // each query (and the worker's answer, the decision, its event) continues the trace its
    // verification was created in, instead of starting one of its own
    try (InboundRecords.Binding bound =
        InboundRecords.bind(
            traces.continuing(claimed.stream().map(Verification::id).toList(), SPAN))) {
      sent =
          sender.sendAll(queries).stream()
              .map(VerificationQuery::verificationId)
              .collect(Collectors.toSet());
    }
    // unsent ones keep their lease and come back after it
    claimed.stream()
        .filter(v -> sent.contains(v.id()))
        .forEach(v -> steps.scheduleAfterQuery(v, now));
    return claimed.size() >= batch;
  }
}
