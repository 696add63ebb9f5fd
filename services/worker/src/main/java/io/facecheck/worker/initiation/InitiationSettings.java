package io.facecheck.worker.initiation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * @param firstQueryDelay when the reconciler's first ladder query is due after the URL is issued
 * @param callbackGrace how long after expires_at the callback token is still accepted
 * @param source who writes timeline entries, e.g. {@code worker@host-1}
 */
public record InitiationSettings(Duration firstQueryDelay, Duration callbackGrace, String source) {

  public InitiationSettings {
    Objects.requireNonNull(firstQueryDelay, "firstQueryDelay");
    Objects.requireNonNull(callbackGrace, "callbackGrace");
    Objects.requireNonNull(source, "source");
  }

  /**
   * When the first query is due after the certify URL was issued at {@code issuedAt}: the first
   * ladder step, but never after {@code expiresAt}, where the final query is due
   * (docs/architecture.md, Ladder and decisions).
   */
  public Instant firstQueryAt(Instant issuedAt, Instant expiresAt) {
    Instant firstStep = issuedAt.plus(firstQueryDelay);
    return firstStep.isAfter(expiresAt) ? expiresAt : firstStep;
  }
}
