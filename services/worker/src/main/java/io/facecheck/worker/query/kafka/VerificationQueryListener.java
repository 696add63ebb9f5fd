package io.facecheck.worker.query.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.worker.dispatch.kafka.SettlingBatchListener;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * verification-queries → {@code QueryService}, a batch at a time, records in parallel, settled
 * record by record ({@link SettlingBatchListener}).
 */
public class VerificationQueryListener {

  static final String ID = "facecheck-worker-queries";

  private final SettlingBatchListener settling;

  public VerificationQueryListener(SettlingBatchListener settling) {
    this.settling = settling;
  }

  @KafkaListener(
      id = ID,
      topics = Topics.QUERIES,
      containerFactory = QueryListenerConfiguration.CONTAINER_FACTORY,
      batch = "true")
  public void onBatch(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    settling.onBatch(records, consumer);
  }
}
