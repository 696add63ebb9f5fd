package io.facecheck.worker.initiation;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Gives up on a start: the record goes to verification-requests-dlt and the verification to
 * DEAD_LETTERED with the reason. The record is published first and acknowledged before the status
 * moves: a crash in between redelivers the record, which resumes the INITIALIZING verification.
 */
public final class DeadLetterStartFailures implements StartFailureRouter {

  private final DeadLetters deadLetters;
  private final VerificationStore store;
  private final Clock clock;
  private final String source;

  public DeadLetterStartFailures(
      DeadLetters deadLetters, VerificationStore store, Clock clock, String source) {
    this.deadLetters = deadLetters;
    this.store = store;
    this.clock = clock;
    this.source = source;
  }

  @Override
  public CompletableFuture<?> transientFailure(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message) {
    return giveUp(verification, record, call, DeadLetterReason.RETRIES_EXHAUSTED, message);
  }

  @Override
  public CompletableFuture<?> configurationFailure(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message) {
    return giveUp(verification, record, call, DeadLetterReason.PROVIDER_CONFIG, message);
  }

  private CompletableFuture<?> giveUp(
      Verification verification,
      OriginalRecord record,
      AttemptedCall<?> call,
      DeadLetterReason reason,
      String message) {
    Instant now = clock.instant();
    DeadLetter letter =
        new DeadLetter(
            Topics.REQUESTS_DLT,
            record,
            reason.code(),
            message,
            call.attempts(),
            call.firstFailureAt() == null ? now : call.firstFailureAt(),
            call.lastFailureAt());
    deadLetters.publish(letter).join();
    Verification current = verification;
    // compare-and-set: if someone moved it meanwhile, re-read; a final one stays as it is
    while (current != null && !current.status().isFinal() && !isDeadLettered(current)) {
      if (store.apply(current.markDeadLettered(reason.code()), source)) {
        break;
      }
      current = store.find(current.id()).orElse(null);
    }
    return CompletableFuture.completedFuture(null);
  }

  private static boolean isDeadLettered(Verification v) {
    return v.status() == io.facecheck.statemachine.VerificationStatus.DEAD_LETTERED;
  }
}
