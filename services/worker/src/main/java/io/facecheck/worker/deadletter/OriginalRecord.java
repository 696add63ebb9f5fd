package io.facecheck.worker.deadletter;

import java.util.List;

/**
 * A consumed record as it arrived: where it came from and its exact key, value and headers, so a
 * dead letter can carry it unchanged and a replay can publish it back as it was.
 */
public record OriginalRecord(
    String topic, int partition, long offset, byte[] key, byte[] value, List<Header> headers) {

  public OriginalRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** One record header. */
  public record Header(String key, byte[] value) {}

  @Override
  public String toString() {
    // the value of a verification request holds PII: coordinates only
    return "OriginalRecord[%s-%d@%d]".formatted(topic, partition, offset);
  }
}
