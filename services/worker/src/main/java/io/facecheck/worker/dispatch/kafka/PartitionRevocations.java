package io.facecheck.worker.dispatch.kafka;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Counts and logs partitions taken from this worker's consumers (revoked or lost). In a steady
 * group this stays at zero; a batch that outlives max.poll.interval.ms shows up here as a
 * rebalance, and so would a storm of them.
 */
public final class PartitionRevocations implements ConsumerAwareRebalanceListener {

  private static final Logger log = LoggerFactory.getLogger(PartitionRevocations.class);

  private final AtomicLong revoked = new AtomicLong();

  @Override
  public void onPartitionsRevokedBeforeCommit(
      Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    count("revoked", partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    count("lost", partitions);
  }

  /** Partitions revoked or lost since start. */
  public long count() {
    return revoked.get();
  }

  private void count(String how, Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      revoked.addAndGet(partitions.size());
      log.info("partitions {}: {}", how, partitions);
    }
  }
}
