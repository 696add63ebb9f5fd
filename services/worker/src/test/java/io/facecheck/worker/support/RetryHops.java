package io.facecheck.worker.support;

import static io.facecheck.worker.support.StoredVerificationReader.header;
import static io.facecheck.worker.support.StoredVerificationReader.key;

import io.facecheck.contracts.Topics;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.retry.RetryHeaders;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the request retry topics hold, for a test's report. */
public final class RetryHops {

  private RetryHops() {}

  /**
   * How many retry records whose key starts with {@code keyPrefix} were on each hop (hop 0: parked
   * by an open circuit breaker), read from the retry topics named by {@code delays}.
   */
  public static Map<String, Integer> of(String keyPrefix, List<String> delays) {
    Map<String, Integer> byHop = new TreeMap<>();
    for (String delay : delays) {
      try (WholeTopicReader reader = new WholeTopicReader(Topics.REQUESTS_RETRY_PREFIX + delay)) {
        reader
            .readToEnd(r -> key(r).startsWith(keyPrefix))
            .forEach(r -> byHop.merge("hop " + header(r, RetryHeaders.HOP), 1, Integer::sum));
      }
    }
    return byHop;
  }
}
