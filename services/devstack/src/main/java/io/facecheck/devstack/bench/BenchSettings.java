package io.facecheck.devstack.bench;

import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One benchmark run.
 *
 * @param stack ports, partitions, service settings; its scenario (latency, users) is the measured
 *     phase's
 * @param rate requests per second on a steady schedule (open loop); 0 sends them all at once
 * @param warmupRequests sent first with the same arrivals, waited for until every one is final,
 *     left out of the figures; their users never walk away, so the warmup ends without waiting out
 *     a TTL
 * @param idle how long CPU is read with nothing to do once every measured request is final (0: not)
 * @param label free text recorded in the JSON (which machine, which change)
 * @param command the command line as given, recorded in the JSON
 */
public record BenchSettings(
    StackSettings stack,
    int requests,
    int warmupRequests,
    double rate,
    int ttlSeconds,
    int workers,
    long seed,
    long alipayLatencyMs,
    String logLevel,
    BenchJvms jvms,
    Duration idle,
    Duration timeout,
    String label,
    String command,
    Path logs) {

  public BenchSettings {
    if (requests < 1 || warmupRequests < 0 || rate < 0 || workers < 1) {
      throw new IllegalArgumentException(
          "requests >= 1, warmup requests >= 0, rate >= 0 (0: all at once), workers >= 1");
    }
    if (!Double.isFinite(rate)) {
      throw new IllegalArgumentException("rate must be a finite number");
    }
  }

  boolean openLoop() {
    return rate > 0;
  }

  Scenario measuredScenario() {
    return stack.scenario();
  }

  /** The same users, none of whom walks away. */
  Scenario warmupScenario() {
    UserBehaviour u = stack.scenario().autoUser();
    return stack
        .scenario()
        .withAutoUser(
            new UserBehaviour(
                u.enabled(),
                u.delayMs(),
                u.delayJitterMs(),
                u.passRate(),
                0,
                u.visitReturnUrl(),
                u.failReason()));
  }
}
