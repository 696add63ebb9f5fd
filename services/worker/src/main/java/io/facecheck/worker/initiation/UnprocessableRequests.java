package io.facecheck.worker.initiation;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.dispatch.PoisonRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verification request the worker cannot process however often it tries (PostgreSQL refuses it,
 * or it fails unexpectedly every time): dead-lettered to verification-requests-dlt, then, once the
 * broker has the dead letter, its verification (if one exists and has not started: RECEIVED or
 * INITIALIZING) moves to DEAD_LETTERED with the reason, so ops see it and a replay resumes it.
 */
public final class UnprocessableRequests implements PoisonRecords<OriginalRecord> {

  private static final Logger log = LoggerFactory.getLogger(UnprocessableRequests.class);
  private static final int MAX_ROUNDS = 5;

  private final RequestParser parser;
  private final VerificationStore store;
  private final DeadLetters deadLetters;
  private final Clock clock;
  private final String source;

  public UnprocessableRequests(
      RequestParser parser,
      VerificationStore store,
      DeadLetters deadLetters,
      Clock clock,
      String source) {
    this.parser = parser;
    this.store = store;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.source = source;
  }

  @Override
  public CompletableFuture<?> giveUp(
      OriginalRecord record, DeadLetterReason reason, String message, int attempts) {
    Instant now = clock.instant();
    deadLetters
        .publish(new DeadLetter(Topics.REQUESTS_DLT, record, reason, message, attempts, now, now))
        .join(); // acknowledged before the status says so
    try {
      park(record, reason);
    } catch (RuntimeException e) {
      // the dead letter is out and names the record; a database that refuses even this stays
      // visible in the log instead of stalling the partition
      log.warn(
          "{} dead-lettered {}, but its verification could not be parked: {}",
          record,
          reason.code(),
          e.getClass().getSimpleName());
    }
    return CompletableFuture.completedFuture(null);
  }

  private void park(OriginalRecord record, DeadLetterReason reason) {
    if (!(parser.parse(record.value()) instanceof ParseOutcome.Valid valid)) {
      return;
    }
    VerificationRequest request = valid.request();
    Verification current =
        store.findByRequest(request.clientId(), request.requestId()).orElse(null);
    for (int round = 0; round < MAX_ROUNDS && current != null && notStarted(current); round++) {
      if (store.apply(current.markDeadLettered(reason.code()), source)) {
        return;
      }
      current = store.find(current.id()).orElse(null);
    }
  }

  private static boolean notStarted(Verification verification) {
    return verification.status() == VerificationStatus.RECEIVED
        || verification.status() == VerificationStatus.INITIALIZING;
  }
}
