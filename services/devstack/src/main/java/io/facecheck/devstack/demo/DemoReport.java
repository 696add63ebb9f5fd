package io.facecheck.devstack.demo;

import io.facecheck.contracts.result.ResultStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's figures: counts per final status, throughput, and latency percentiles from request to
 * certify URL and from request to final status (per status, since an EXPIRED one waits its TTL).
 */
public record DemoReport(
    int requested,
    int certifyUrls,
    Map<ResultStatus, Integer> finals,
    double certifyUrlsPerSecond,
    double finalsPerSecond,
    Percentiles toCertifyUrl,
    Percentiles toFinal,
    Map<ResultStatus, Percentiles> toFinalByStatus) {

  public static DemoReport of(Tally tally) {
    long first = Long.MAX_VALUE;
    long lastUrl = Long.MIN_VALUE;
    long lastFinal = Long.MIN_VALUE;
    List<Long> toUrl = new ArrayList<>();
    List<Long> toFinal = new ArrayList<>();
    Map<ResultStatus, List<Long>> byStatus = new EnumMap<>(ResultStatus.class);
    for (Tally.Milestones m : tally.milestones()) {
      first = Math.min(first, m.startNanos());
      if (m.certifyUrlNanos() != 0) {
        lastUrl = Math.max(lastUrl, m.certifyUrlNanos());
        toUrl.add(millis(m.certifyUrlNanos() - m.startNanos()));
      }
      if (m.finalStatus() != null) {
        lastFinal = Math.max(lastFinal, m.finalNanos());
        long ms = millis(m.finalNanos() - m.startNanos());
        toFinal.add(ms);
        byStatus.computeIfAbsent(m.finalStatus(), s -> new ArrayList<>()).add(ms);
      }
    }
    Map<ResultStatus, Integer> finals = new EnumMap<>(ResultStatus.class);
    Map<ResultStatus, Percentiles> percentilesByStatus = new EnumMap<>(ResultStatus.class);
    for (ResultStatus status : ResultStatus.values()) {
      if (status != ResultStatus.AWAITING_USER) {
        finals.put(status, tally.finals(status));
      }
    }
    byStatus.forEach((status, values) -> percentilesByStatus.put(status, percentiles(values)));
    return new DemoReport(
        tally.sent(),
        toUrl.size(),
        finals,
        perSecond(toUrl.size(), first, lastUrl),
        perSecond(toFinal.size(), first, lastFinal),
        percentiles(toUrl),
        percentiles(toFinal),
        percentilesByStatus);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Summary\n");
    out.append("  requested                 %,d%n".formatted(requested));
    out.append("  certify URLs issued       %,d%n".formatted(certifyUrls));
    finals.forEach((status, count) -> out.append("  %-25s %,d%n".formatted(status, count)));
    out.append(
        "  throughput, certify URLs  %,.1f verifications/s (first request to last URL)%n"
            .formatted(certifyUrlsPerSecond));
    out.append(
        "  throughput, final status  %,.1f verifications/s (first request to last final)%n"
            .formatted(finalsPerSecond));
    out.append("  request -> certify URL    %s%n".formatted(toCertifyUrl));
    out.append("  request -> final status   %s%n".formatted(toFinal));
    toFinalByStatus.forEach((status, p) -> out.append("    %-23s %s%n".formatted(status, p)));
    return out.toString();
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
