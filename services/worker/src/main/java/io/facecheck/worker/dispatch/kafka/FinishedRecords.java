package io.facecheck.worker.dispatch.kafka;

import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets finished but not yet committed, because a record before them on their partition is not:
 * when Kafka hands those records back, they are skipped instead of redone (no second Alipay call,
 * no second dead letter). Forgotten once committed past.
 */
final class FinishedRecords {

  private final Map<TopicPartition, NavigableSet<Long>> finished = new ConcurrentHashMap<>();

  boolean contains(ConsumerRecord<?, ?> record) {
    NavigableSet<Long> offsets = finished.get(partition(record));
    return offsets != null && offsets.contains(record.offset());
  }

  void add(ConsumerRecord<?, ?> record) {
    finished
        .computeIfAbsent(partition(record), p -> new ConcurrentSkipListSet<>())
        .add(record.offset());
  }

  /** Everything before {@code nextOffset} is committed: nothing there comes back. */
  void committed(TopicPartition partition, long nextOffset) {
    NavigableSet<Long> offsets = finished.get(partition);
    if (offsets != null) {
      offsets.headSet(nextOffset).clear();
      if (offsets.isEmpty()) {
        finished.remove(partition, offsets);
      }
    }
  }

  int size() {
    return finished.values().stream().mapToInt(NavigableSet::size).sum();
  }

  private static TopicPartition partition(ConsumerRecord<?, ?> record) {
    return new TopicPartition(record.topic(), record.partition());
  }
}
