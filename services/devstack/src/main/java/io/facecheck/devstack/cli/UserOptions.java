package io.facecheck.devstack.cli;

import io.facecheck.simulator.scenario.UserBehaviour;
import picocli.CommandLine.Option;

/** The simulator's automatic user: who passes, fails or walks away, and after how long. */
public final class UserOptions {

  @Option(
      names = "--user-delay-ms",
      defaultValue = "1000",
      description = "Time a simulated user takes before acting, in ms.")
  long delayMs;

  @Option(
      names = "--user-delay-jitter-ms",
      defaultValue = "2000",
      description = "Up to this much more, drawn per user, in ms.")
  long jitterMs;

  @Option(names = "--pass-rate", defaultValue = "0.7", description = "Share of all users who pass.")
  double passRate;

  @Option(
      names = "--abandon-rate",
      defaultValue = "0.1",
      description = "Share of all users who never finish and end EXPIRED; the rest fail.")
  double abandonRate;

  /** The simulator applies pass_rate to those who do not abandon; these options are of all. */
  UserBehaviour autoUser() {
    if (passRate < 0 || abandonRate < 0 || passRate + abandonRate > 1) {
      throw new IllegalArgumentException("--pass-rate plus --abandon-rate must be between 0 and 1");
    }
    double passAmongFinishers = abandonRate >= 1 ? 0 : passRate / (1 - abandonRate);
    return UserBehaviour.after(delayMs, Math.min(1, passAmongFinishers), abandonRate)
        .withDelayJitterMs(jitterMs);
  }
}
