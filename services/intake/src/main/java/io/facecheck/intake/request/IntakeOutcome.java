package io.facecheck.intake.request;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.schema.FieldError;
import io.facecheck.statemachine.Verification;
import java.util.List;

/** What became of one POSTed request. */
public sealed interface IntakeOutcome {

  /** Published and acknowledged by Kafka: the worker will take it from here. */
  record Accepted(String requestId) implements IntakeOutcome {}

  /** The same request (same canonical hash) was recorded before: nothing published again. */
  record AlreadyAccepted(Verification existing) implements IntakeOutcome {}

  /** Not a JSON object of at most 64 KiB. */
  record Unparseable(DeadLetterReason reason) implements IntakeOutcome {}

  /** A JSON object that breaks the request schema. */
  record Invalid(List<FieldError> errors) implements IntakeOutcome {}

  /** The body's client_id is not the one the bearer token belongs to. */
  record ForeignClient() implements IntakeOutcome {}

  /** The same (client_id, request_id) was recorded with a different payload. */
  record Conflict(String requestId) implements IntakeOutcome {}
}
