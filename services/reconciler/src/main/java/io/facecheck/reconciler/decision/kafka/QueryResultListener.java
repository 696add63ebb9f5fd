package io.facecheck.reconciler.decision.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.reconciler.config.JsonPayloads;
import io.facecheck.reconciler.decision.OutcomeDecider;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** verification-query-results → {@link OutcomeDecider}, a batch at a time. */
public class QueryResultListener {

  private final OutcomeDecider decider;
  private final JsonPayloads payloads;

  public QueryResultListener(OutcomeDecider decider, JsonPayloads payloads) {
    this.decider = decider;
    this.payloads = payloads;
  }

  @KafkaListener(id = "reconciler-query-results", idIsGroup = false, topics = Topics.QUERY_RESULTS)
  public void onResults(List<ConsumerRecord<String, String>> records) {
    payloads.read(records, VerificationQueryResult.class).forEach(decider::onResult);
  }
}
