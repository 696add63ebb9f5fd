package io.facecheck.devstack.chaos;

import io.facecheck.devstack.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One chaos run: how much arrives how fast, and the faults. Durations are the full run's; {@link
 * FaultPlan} scales them down for a short run.
 *
 * @param rate requests per second, steady
 * @param httpShare share of requests posted to intake; the rest go straight to Kafka
 * @param killEvery a random service is killed (SIGKILL) this often
 * @param restartAfter and started again this long after its kill
 * @param brokerStops how often the broker is stopped (a short run stops it once)
 * @param transientErrorRate share of Alipay calls answered 20000 (system error) throughout
 * @param timeoutRate share of Alipay calls held past the client's read timeout throughout
 * @param hostile whether to send the burst of hostile records
 * @param timeout the run gives up waiting for final statuses after this long (then the verdict
 *     counts what is missing as lost)
 */
public record ChaosSettings(
    StackSettings stack,
    int requests,
    long seed,
    double rate,
    double httpShare,
    int ttlSeconds,
    Duration killEvery,
    Duration restartAfter,
    int brokerStops,
    Duration brokerDown,
    Duration postgresDown,
    Duration postgresPause,
    Duration alipayOutage,
    double transientErrorRate,
    double timeoutRate,
    boolean hostile,
    Duration timeout,
    Path logs) {

  public ChaosSettings {
    if (requests < 1 || rate <= 0 || httpShare < 0 || httpShare > 1) {
      throw new IllegalArgumentException("requests >= 1, rate > 0, 0 <= http share <= 1");
    }
  }

  /** How long the arrivals take at the steady rate. */
  public Duration arrivals() {
    return Duration.ofMillis((long) Math.ceil(requests * 1000.0 / rate));
  }
}
