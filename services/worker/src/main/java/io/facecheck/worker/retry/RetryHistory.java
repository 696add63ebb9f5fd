package io.facecheck.worker.retry;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What earlier hops of a record did, read from its retry headers. A record consumed from a main
 * topic (a first delivery or an ops replay) has none: its history starts fresh.
 *
 * @param fromRetryTopic whether the record came through a retry topic
 * @param hop retry hops spent so far
 * @param attempts Alipay attempts made so far
 * @param firstFailureAt when the first attempt failed, or null
 * @param lastFailureAt when the last attempt failed, or null
 */
public record RetryHistory(
    boolean fromRetryTopic, int hop, int attempts, Instant firstFailureAt, Instant lastFailureAt) {

  public static final RetryHistory FRESH = new RetryHistory(false, 0, 0, null, null);

  public static RetryHistory of(OriginalRecord record) {
    String hop = header(record, RetryHeaders.HOP);
    if (hop == null) {
      return FRESH;
    }
    return new RetryHistory(
        true,
        number(hop),
        number(header(record, DeadLetterHeaders.ATTEMPTS)),
        instant(header(record, DeadLetterHeaders.FIRST_FAILURE_AT)),
        instant(header(record, DeadLetterHeaders.LAST_FAILURE_AT)));
  }

  static String header(OriginalRecord record, String key) {
    String value = null;
    for (OriginalRecord.Header header : record.headers()) {
      if (header.key().equals(key) && header.value() != null) {
        value = new String(header.value(), UTF_8); // the last one wins, as in Kafka's lastHeader
      }
    }
    return value;
  }

  private static int number(String value) {
    try {
      return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
