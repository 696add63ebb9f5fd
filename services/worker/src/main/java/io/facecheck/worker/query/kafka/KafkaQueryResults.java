package io.facecheck.worker.query.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.worker.query.QueryResults;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes to verification-query-results, keyed by verification_id; never blocks on the send. */
public final class KafkaQueryResults implements QueryResults {

  private final KafkaTemplate<byte[], byte[]> kafka;

  public KafkaQueryResults(KafkaTemplate<byte[], byte[]> kafka) {
    this.kafka = kafka;
  }

  @Override
  public CompletableFuture<?> publish(VerificationQueryResult result) {
    return kafka.send(
        Topics.QUERY_RESULTS,
        result.verificationId().toString().getBytes(UTF_8),
        PayloadJson.mapper().writeValueAsBytes(result));
  }
}
