package io.facecheck.worker.initiation;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.FailedAttempt;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.Routing;
import java.util.concurrent.CompletableFuture;

/**
 * Routes a start Alipay did not settle: transient failures to the next retry topic (never past the
 * verification's expires_at), outages to a parked retry that spends nothing, configuration errors
 * and exhausted retries to verification-requests-dlt. A dead letter is acknowledged by the broker
 * before the verification moves to DEAD_LETTERED: a crash in between redelivers the record, which
 * resumes the INITIALIZING verification. A retry leaves it INITIALIZING.
 */
public final class RetryingStartFailures implements StartFailureRouter {

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final RetryRouter router;
  private final VerificationStore store;
  private final String source;

  public RetryingStartFailures(RetryRouter router, VerificationStore store, String source) {
    this.router = router;
    this.store = store;
    this.source = source;
  }

  @Override
  public CompletableFuture<?> transientFailure(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message) {
    FailedAttempt failed = failed(verification, record, call, message);
    Routing routing =
        call.outcome() instanceof AlipayOutcome.Unavailable<?> down
            ? router.unavailable(failed, down.retryAfter())
            : router.transientFailure(failed);
    return settle(verification, routing);
  }

  @Override
  public CompletableFuture<?> configurationFailure(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message) {
    FailedAttempt failed = failed(verification, record, call, message);
    return settle(verification, router.giveUp(failed, DeadLetterReason.PROVIDER_CONFIG, message));
  }

  private CompletableFuture<?> settle(Verification verification, Routing routing) {
    if (!routing.deadLettered()) {
      return routing.published();
    }
    routing.published().join(); // rare: ack before the status says so
    // compare-and-set from the status this attempt started from (INITIALIZING) only: a copy of the
    // record that lost the race to another one (a redelivery, a replay) must never park a
    // verification that copy already moved on, e.g. to AWAITING_USER
    Verification current = verification;
    while (current != null && current.status() == VerificationStatus.INITIALIZING) {
      if (store.apply(current.markDeadLettered(routing.reason().code()), source)) {
        break;
      }
      current = store.find(current.id()).orElse(null);
    }
    return DONE;
  }

  private static FailedAttempt failed(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message) {
    return new FailedAttempt(
        record,
        Topics.REQUESTS_RETRY_PREFIX,
        Topics.REQUESTS_DLT,
        call.attempts(),
        call.firstFailureAt(),
        call.lastFailureAt(),
        verification.expiresAt(),
        message);
  }
}
