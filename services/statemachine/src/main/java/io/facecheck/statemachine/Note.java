package io.facecheck.statemachine;

import java.util.Map;

/** A timeline entry that changes no status (from = to). Details never hold PII. */
public record Note(String cause, Map<String, String> details) {

  public Note {
    Causes.require(cause);
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
