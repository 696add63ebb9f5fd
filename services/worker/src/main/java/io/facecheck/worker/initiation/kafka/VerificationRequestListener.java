package io.facecheck.worker.initiation.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.worker.dispatch.kafka.SettlingBatchListener;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * verification-requests → {@code InitiationService}, a batch at a time, records in parallel,
 * settled record by record ({@link SettlingBatchListener}).
 */
public class VerificationRequestListener {

  static final String ID = "facecheck-worker-requests";

  private final SettlingBatchListener settling;

  public VerificationRequestListener(SettlingBatchListener settling) {
    this.settling = settling;
  }

  @KafkaListener(
      id = ID,
      topics = Topics.REQUESTS,
      containerFactory = RequestListenerConfiguration.CONTAINER_FACTORY,
      batch = "true")
  public void onBatch(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
    settling.onBatch(records, consumer);
  }
}
