package io.facecheck.devstack.demo;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies in milliseconds counted into equal bins from 0: bin {@code i} holds the values in
 * {@code [i * binMillis, (i + 1) * binMillis)}. The bin width is a round number chosen so that the
 * largest value falls into at most {@link #MAX_BINS} bins.
 */
public record LatencyHistogram(long binMillis, List<Integer> counts) {

  static final int MAX_BINS = 30;
  private static final long[] ROUND = {1, 2, 5};

  public static LatencyHistogram of(List<Long> millis) {
    long max = millis.stream().mapToLong(Long::longValue).max().orElse(0);
    long width = roundWidth(max);
    int[] counts = new int[millis.isEmpty() ? 0 : (int) (max / width) + 1];
    for (long value : millis) {
      counts[(int) (Math.max(0, value) / width)]++;
    }
    return new LatencyHistogram(width, Arrays.stream(counts).boxed().toList());
  }

  /** The smallest of 1, 2, 5, 10, 20, 50, … ms that fits {@code max} into MAX_BINS bins. */
  static long roundWidth(long max) {
    for (long decade = 1; ; decade *= 10) {
      for (long step : ROUND) {
        if (max / (step * decade) < MAX_BINS) {
          return step * decade;
        }
      }
    }
  }

  public int total() {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }
}
