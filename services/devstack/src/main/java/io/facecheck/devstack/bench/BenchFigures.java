package io.facecheck.devstack.bench;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.devstack.demo.Percentiles;
import io.facecheck.devstack.demo.Tally;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the measured requests saw: how many certify URLs and decisions, how fast, and how long from
 * each request's due time to its certify URL, to its decision and to its final status.
 *
 * @param decided finals PASSED or FAILED: the users' own outcomes (EXPIRED ones waited out a TTL)
 * @param certifyUrlsPerSecond certify URLs from the first request's due time to the last URL
 * @param decidedPerSecond decisions from the first request's due time to the last decision
 */
record BenchFigures(
    int requests,
    int certifyUrls,
    Map<ResultStatus, Integer> finals,
    int decided,
    double certifyUrlsPerSecond,
    double decidedPerSecond,
    Percentiles toCertifyUrl,
    Percentiles toDecided,
    Percentiles toFinal) {

  static BenchFigures of(List<Tally.Milestones> milestones) {
    long first = Long.MAX_VALUE;
    long lastUrl = Long.MIN_VALUE;
    long lastDecided = Long.MIN_VALUE;
    List<Long> toUrl = new ArrayList<>();
    List<Long> toDecided = new ArrayList<>();
    List<Long> toFinal = new ArrayList<>();
    Map<ResultStatus, Integer> finals = new EnumMap<>(ResultStatus.class);
    for (ResultStatus status : ResultStatus.values()) {
      if (status != ResultStatus.AWAITING_USER) {
        finals.put(status, 0);
      }
    }
    for (Tally.Milestones m : milestones) {
      first = Math.min(first, m.startNanos());
    }
    for (Tally.Milestones m : milestones) {
      if (m.certifyUrlNanos() != 0) {
        lastUrl = Math.max(lastUrl, m.certifyUrlNanos());
        toUrl.add(millis(m.certifyUrlNanos() - m.startNanos()));
      }
      if (m.finalStatus() != null) {
        finals.merge(m.finalStatus(), 1, Integer::sum);
        toFinal.add(millis(m.finalNanos() - m.startNanos()));
        if (m.finalStatus() == ResultStatus.PASSED || m.finalStatus() == ResultStatus.FAILED) {
          lastDecided = Math.max(lastDecided, m.finalNanos());
          toDecided.add(millis(m.finalNanos() - m.startNanos()));
        }
      }
    }
    return new BenchFigures(
        milestones.size(),
        toUrl.size(),
        finals,
        toDecided.size(),
        perSecond(toUrl.size(), first, lastUrl),
        perSecond(toDecided.size(), first, lastDecided),
        percentiles(toUrl),
        percentiles(toDecided),
        percentiles(toFinal));
  }

  int finalTotal() {
    return finals.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static double perSecond(int count, long firstNanos, long lastNanos) {
    return count == 0 || lastNanos <= firstNanos ? 0 : count * 1e9 / (lastNanos - firstNanos);
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  private static Percentiles percentiles(List<Long> values) {
    return Percentiles.of(values.stream().mapToLong(Long::longValue).toArray());
  }
}
