package io.facecheck.worker.retry;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The growing delays of the retry topics, one topic per hop: hop 1 waits {@code delays[0]} on
 * {@code <topic>-retry-<delay>} (e.g. {@code verification-requests-retry-5s}), and so on; after the
 * last hop comes the dead letter.
 */
public record RetrySchedule(List<Duration> delays) {

  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("at least one retry delay is needed");
    }
    for (int i = 0; i < delays.size(); i++) {
      if (delays.get(i).toMillis() < 1
          || (i > 0 && delays.get(i).compareTo(delays.get(i - 1)) <= 0)) {
        throw new IllegalArgumentException("retry delays must be positive and growing: " + delays);
      }
    }
  }

  public int hops() {
    return delays.size();
  }

  /** The delay of hop {@code hop} (1-based). */
  public Duration delay(int hop) {
    return delays.get(hop - 1);
  }

  /** The retry topic of hop {@code hop}: {@code retryPrefix} followed by the delay's suffix. */
  public String topic(String retryPrefix, int hop) {
    return retryPrefix + suffix(delay(hop));
  }

  /** Every retry topic under {@code retryPrefix}, shortest delay first. */
  public List<String> topics(String retryPrefix) {
    return IntStream.rangeClosed(1, hops()).mapToObj(hop -> topic(retryPrefix, hop)).toList();
  }

  /** {@code 5s}, {@code 30s}, {@code 2m}, {@code 10m}, {@code 1h}, {@code 1500ms}. */
  static String suffix(Duration delay) {
    long millis = delay.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
