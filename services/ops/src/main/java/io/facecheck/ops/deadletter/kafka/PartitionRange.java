package io.facecheck.ops.deadletter.kafka;

/**
 * What a read covered on one partition: from {@code from} (the beginning, the offset asked for, or
 * the first offset at or after {@code --since}) up to the end offset seen when it started.
 */
public record PartitionRange(String topic, int partition, long from, long to) {

  public long size() {
    return Math.max(0, to - from);
  }
}
