package io.facecheck.worker.initiation;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.deadletter.PiiMask;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A JSON object that breaks the contract. With a well-formed client_id and request_id it becomes a
 * verification that ends REJECTED naming the field at fault (the caller hears about it on
 * verification-results); without them nobody could be told, so it goes to the dead letter.
 */
public final class InvalidRequests {

  private final VerificationStore store;
  private final DeadLetters deadLetters;
  private final Clock clock;
  private final String source;
  private final Function<byte[], String> rawHash;

  /**
   * @param rawHash the keyed hash of the raw record ({@code RequestParser::rawHash}): a plain
   *     SHA-256 over a record holding a cert_no could be confirmed by anyone guessing the number
   */
  public InvalidRequests(
      VerificationStore store,
      DeadLetters deadLetters,
      Clock clock,
      String source,
      Function<byte[], String> rawHash) {
    this.store = store;
    this.rawHash = rawHash;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.source = source;
  }

  public CompletableFuture<?> handle(OriginalRecord record, ParseOutcome.Invalid invalid) {
    // field error messages never quote values; masking is the second line of defence
    String errors =
        PiiMask.mask(
            invalid.errors().stream().map(Object::toString).collect(Collectors.joining("; ")));
    if (invalid.clientIdOrNull() == null || invalid.requestIdOrNull() == null) {
      return deadLetters.publish(
          DeadLetter.once(
              Topics.REQUESTS_DLT,
              record,
              DeadLetterReason.INVALID_REQUEST,
              "no well-formed client_id and request_id; " + errors,
              clock.instant()));
    }
    String field = invalid.errors().get(0).field();
    Failure failure = new Failure(Failure.INVALID_REQUEST, field.isEmpty() ? null : field, errors);
    CreateOutcome outcome =
        store.createRejected(
            NewRejection.of(
                invalid.clientIdOrNull(),
                invalid.requestIdOrNull(),
                rawHash.apply(record.value()),
                failure,
                clock),
            source);
    if (outcome instanceof CreateOutcome.Conflict conflict) {
      return deadLetters.publish(
          DeadLetter.once(
              Topics.REQUESTS_DLT,
              record,
              DeadLetterReason.IDEMPOTENCY_CONFLICT,
              "an invalid request reuses the ids of verification " + conflict.existingId(),
              clock.instant()));
    }
    return CompletableFuture.completedFuture(null);
  }
}
