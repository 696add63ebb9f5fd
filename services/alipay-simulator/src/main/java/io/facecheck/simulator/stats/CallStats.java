package io.facecheck.simulator.stats;

import io.facecheck.simulator.scenario.GatewayMethods;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lock-free counters. Outcomes are "success", the sub_code of an error, or an injected fault's name
 * (prefixed "outage." inside an outage window). Unknown method names are counted as "other" so
 * garbage input cannot grow the map.
 */
public final class CallStats {
  public static final String SUCCESS = "success";
  public static final String OTHER_METHOD = "other";

  private final Clock clock;
  private volatile Map<String, Map<String, LongAdder>> calls = new ConcurrentHashMap<>();
  private final LongAdder returnUrlVisits = new LongAdder();
  private final LongAdder returnUrlVisitFailures = new LongAdder();
  private volatile Instant since;

  public CallStats(Clock clock) {
    this.clock = clock;
    this.since = clock.instant();
  }

  public void record(String method, String outcome) {
    String key = method != null && GatewayMethods.ALL.contains(method) ? method : OTHER_METHOD;
    calls
        .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, k -> new LongAdder())
        .increment();
  }

  public void recordReturnUrlVisit(boolean succeeded) {
    (succeeded ? returnUrlVisits : returnUrlVisitFailures).increment();
  }

  public Instant since() {
    return since;
  }

  public Map<String, Map<String, Long>> snapshot() {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    calls.forEach(
        (method, outcomes) -> {
          Map<String, Long> counts = new TreeMap<>();
          outcomes.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
          copy.put(method, counts);
        });
    return copy;
  }

  public long returnUrlVisits() {
    return returnUrlVisits.sum();
  }

  public long returnUrlVisitFailures() {
    return returnUrlVisitFailures.sum();
  }

  public void reset() {
    calls = new ConcurrentHashMap<>();
    returnUrlVisits.reset();
    returnUrlVisitFailures.reset();
    since = clock.instant();
  }
}
