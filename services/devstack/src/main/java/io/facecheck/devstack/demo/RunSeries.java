package io.facecheck.devstack.demo;

import io.facecheck.contracts.result.ResultStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's measurements laid out for plotting: certify URLs and final statuses per second of the
 * run (second 0 starts with the first request), the two latency histograms, and the count of each
 * final status. From the same {@link Tally} as {@link DemoReport}, so the page and the summary
 * agree.
 */
public record RunSeries(
    List<Integer> certifyUrlsPerSecond,
    List<Integer> finalsPerSecond,
    LatencyHistogram toCertifyUrl,
    LatencyHistogram toFinal,
    Map<ResultStatus, Integer> outcomes) {

  private static final long SECOND = 1_000_000_000L;

  public static RunSeries of(Tally tally) {
    long start = Long.MAX_VALUE;
    for (Tally.Milestones m : tally.milestones()) {
      start = Math.min(start, m.startNanos());
    }
    List<Long> urlSeconds = new ArrayList<>();
    List<Long> finalSeconds = new ArrayList<>();
    List<Long> toUrl = new ArrayList<>();
    List<Long> toFinal = new ArrayList<>();
    for (Tally.Milestones m : tally.milestones()) {
      if (m.certifyUrlNanos() != 0) {
        urlSeconds.add((m.certifyUrlNanos() - start) / SECOND);
        toUrl.add(millis(m.certifyUrlNanos() - m.startNanos()));
      }
      if (m.finalStatus() != null) {
        finalSeconds.add((m.finalNanos() - start) / SECOND);
        toFinal.add(millis(m.finalNanos() - m.startNanos()));
      }
    }
    int seconds =
        (int)
                Math.max(
                    urlSeconds.stream().mapToLong(Long::longValue).max().orElse(-1),
                    finalSeconds.stream().mapToLong(Long::longValue).max().orElse(-1))
            + 1;
    Map<ResultStatus, Integer> outcomes = new EnumMap<>(ResultStatus.class);
    for (ResultStatus status : ResultStatus.values()) {
      if (status != ResultStatus.AWAITING_USER) {
        outcomes.put(status, tally.finals(status));
      }
    }
    return new RunSeries(
        perSecond(urlSeconds, seconds),
        perSecond(finalSeconds, seconds),
        LatencyHistogram.of(toUrl),
        LatencyHistogram.of(toFinal),
        outcomes);
  }

  private static List<Integer> perSecond(List<Long> seconds, int length) {
    int[] counts = new int[length];
    for (long second : seconds) {
      counts[(int) Math.max(0, second)]++;
    }
    return Arrays.stream(counts).boxed().toList();
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }
}
