package io.facecheck.worker.query.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.worker.deadletter.kafka.ConsumedRecords;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.query.QueryService;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** verification-queries → {@link QueryService}, a batch at a time, records in parallel. */
public class VerificationQueryListener {

  private final BatchDispatcher dispatcher;
  private final QueryService queries;

  public VerificationQueryListener(BatchDispatcher dispatcher, QueryService queries) {
    this.dispatcher = dispatcher;
    this.queries = queries;
  }

  @KafkaListener(
      id = "facecheck-worker-queries",
      topics = Topics.QUERIES,
      containerFactory = QueryListenerConfiguration.CONTAINER_FACTORY,
      batch = "true")
  public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) {
    dispatcher.dispatch(
        records, ConsumerRecord::key, r -> queries.handle(ConsumedRecords.original(r)));
  }
}
