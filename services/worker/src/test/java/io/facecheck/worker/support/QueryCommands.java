package io.facecheck.worker.support;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Query commands as the reconciler sends them, and the answers the worker publishes. */
public final class QueryCommands {

  private QueryCommands() {}

  /** Sends a ladder query for app {@code default} (unflushed); returns its query id. */
  public static UUID send(Producer producer, UUID verificationId, String certifyId) {
    return send(producer, verificationId, certifyId, "default");
  }

  /** Sends a ladder query for {@code app} (unflushed); returns its query id. */
  public static UUID send(Producer producer, UUID verificationId, String certifyId, String app) {
    UUID queryId = UUID.randomUUID();
    VerificationQuery query =
        VerificationQuery.of(
            queryId, verificationId, app, certifyId, QueryReason.LADDER, Instant.now());
    producer.send(
        Topics.QUERIES, verificationId.toString(), PayloadJson.mapper().writeValueAsBytes(query));
    return queryId;
  }

  public static VerificationQueryResult parse(ConsumerRecord<byte[], byte[]> record) {
    return PayloadJson.mapper().readValue(record.value(), VerificationQueryResult.class);
  }
}
