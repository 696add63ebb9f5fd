package io.facecheck.statemachine;

import java.util.UUID;

/** What storing a new verification did. The idempotency key never yields a second row. */
public sealed interface CreateOutcome {

  /** Stored now, as RECEIVED. */
  record Created(Verification verification) implements CreateOutcome {}

  /** The same (client_id, request_id) with the same payload was stored before: the same one. */
  record Existing(Verification verification) implements CreateOutcome {}

  /** The same (client_id, request_id) with a different payload: refused (409, or dead letter). */
  record Conflict(UUID existingId) implements CreateOutcome {}
}
