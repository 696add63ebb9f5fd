package io.facecheck.statemachine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a verification's append-only timeline. {@code from} is null on the first entry; an
 * entry with from = to is a note that changed no status.
 */
public record Transition(
    long id,
    UUID verificationId,
    VerificationStatus from,
    VerificationStatus to,
    String cause,
    String source,
    Instant occurredAt,
    Map<String, String> details) {

  public boolean isNote() {
    return from == to;
  }
}
