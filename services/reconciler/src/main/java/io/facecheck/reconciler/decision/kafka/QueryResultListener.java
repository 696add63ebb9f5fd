package io.facecheck.reconciler.decision.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.reconciler.decision.OutcomeDecider;
import io.facecheck.reconciler.inbound.PayloadReader;
import io.facecheck.reconciler.inbound.kafka.RecordBatches;
import io.facecheck.tracing.kafka.RecordObservations;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** verification-query-results → {@link OutcomeDecider}, a batch at a time. */
public class QueryResultListener {

  public static final String ID = "reconciler-query-results";

  private static final PayloadReader<VerificationQueryResult> RESULTS =
      PayloadReader.queryResults();

  private final OutcomeDecider decider;
  private final RecordBatches batches;
  private final RecordObservations observations;

  public QueryResultListener(
      OutcomeDecider decider, RecordBatches batches, RecordObservations observations) {
    this.decider = decider;
    this.batches = batches;
    this.observations = observations;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.QUERY_RESULTS)
  public void onResults(List<ConsumerRecord<byte[], byte[]>> records) {
    batches.handle(records, RESULTS, decider::onResults, observations);
  }
}
