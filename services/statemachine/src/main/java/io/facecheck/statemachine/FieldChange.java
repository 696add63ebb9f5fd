package io.facecheck.statemachine;

import java.util.Objects;
import java.util.Optional;

/**
 * An update that keeps the status (query schedule, attempts, the user's return), optionally noted
 * in the timeline. Never publishes a result event.
 */
public record FieldChange(Verification before, Verification after, Optional<Note> note)
    implements Change {

  public FieldChange {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(note, "note");
    if (before.status() != after.status()) {
      throw new IllegalArgumentException("a field change keeps the status");
    }
  }
}
