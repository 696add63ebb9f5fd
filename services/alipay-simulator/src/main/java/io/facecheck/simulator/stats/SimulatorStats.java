package io.facecheck.simulator.stats;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the simulator's counters.
 *
 * @param calls per method, per outcome ("success", a sub_code, or an injected fault name)
 * @param certifications per status (INIT, PASSED, FAILED, ABANDONED)
 */
public record SimulatorStats(
    Instant since,
    Map<String, Map<String, Long>> calls,
    Map<String, Long> certifications,
    long returnUrlVisits,
    long returnUrlVisitFailures) {

  public long count(String method, String outcome) {
    return calls.getOrDefault(method, Map.of()).getOrDefault(outcome, 0L);
  }

  public long total(String method) {
    return calls.getOrDefault(method, Map.of()).values().stream().mapToLong(Long::longValue).sum();
  }
}
