package io.facecheck.devstack.demo;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations in milliseconds. */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

  public static Percentiles of(long[] millis) {
    if (millis.length == 0) {
      return new Percentiles(0, 0, 0, 0, 0);
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /** The smallest value with at least {@code percent}% of the values at or below it. */
  static long rank(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  @Override
  public String toString() {
    return "p50 %,d ms  p95 %,d ms  p99 %,d ms  max %,d ms".formatted(p50, p95, p99, max);
  }
}
