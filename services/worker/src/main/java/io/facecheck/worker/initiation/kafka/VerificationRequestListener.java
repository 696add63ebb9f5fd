package io.facecheck.worker.initiation.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.worker.deadletter.kafka.ConsumedRecords;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.initiation.InitiationService;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** verification-requests → {@link InitiationService}, a batch at a time, records in parallel. */
public class VerificationRequestListener {

  private final BatchDispatcher dispatcher;
  private final InitiationService initiation;

  public VerificationRequestListener(BatchDispatcher dispatcher, InitiationService initiation) {
    this.dispatcher = dispatcher;
    this.initiation = initiation;
  }

  @KafkaListener(
      id = "facecheck-worker-requests",
      topics = Topics.REQUESTS,
      containerFactory = RequestListenerConfiguration.CONTAINER_FACTORY,
      batch = "true")
  public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) {
    dispatcher.dispatch(
        records, ConsumerRecord::key, r -> initiation.handle(ConsumedRecords.original(r)));
  }
}
