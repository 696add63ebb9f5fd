package io.facecheck.statemachine;

import io.facecheck.contracts.result.ResultType;
import java.util.Optional;

/**
 * Renders {@link VerificationStatus}'s transition table as a Mermaid {@code stateDiagram-v2}; the
 * README shows it, and a test keeps the README's copy in step with the table.
 */
public final class StatusDiagram {

  private StatusDiagram() {}

  public static String mermaid() {
    StringBuilder out = new StringBuilder("stateDiagram-v2\n");
    out.append("    [*] --> ").append(VerificationStatus.RECEIVED).append('\n');
    for (VerificationStatus from : VerificationStatus.values()) {
      for (VerificationStatus to : from.allowedNext()) {
        out.append("    ").append(from).append(" --> ").append(to);
        label(from, to).ifPresent(label -> out.append(" : ").append(label));
        out.append('\n');
      }
    }
    for (VerificationStatus status : VerificationStatus.values()) {
      if (status.isFinal()) {
        out.append("    ").append(status).append(" --> [*]\n");
      }
    }
    return out.toString();
  }

  private static Optional<String> label(VerificationStatus from, VerificationStatus to) {
    if (from == VerificationStatus.DEAD_LETTERED) {
      return Optional.of("ops replay");
    }
    return VerificationStatus.resultEventOf(from, to).map(ResultType::value);
  }
}
