package io.facecheck.reconciler.query.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.query.QueryCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes queries to verification-queries, keyed by verification_id. Sends a whole batch, then
 * waits once: a blocking get per record would cap the reconciler at a few hundred queries a second.
 */
public final class KafkaQuerySender implements QueryCommands {

  private static final Logger log = LoggerFactory.getLogger(KafkaQuerySender.class);

  private final KafkaOperations<String, String> kafka;
  private final JsonMapper json;
  private final Duration timeout;

  public KafkaQuerySender(
      KafkaOperations<String, String> kafka, JsonMapper json, Duration timeout) {
    this.kafka = kafka;
    this.json = json;
    this.timeout = timeout;
  }

  @Override
  public List<VerificationQuery> sendAll(List<VerificationQuery> queries) {
    List<CompletableFuture<SendResult<String, String>>> pending = new ArrayList<>();
    for (VerificationQuery query : queries) {
      String key = query.verificationId().toString();
      String value = json.writeValueAsString(query);
      // sent in the span of the record that asked for it (a callback), if any: the query, the
      // worker's answer and the decision then continue that trace
      pending.add(
          InboundRecords.within(
              query.verificationId(), () -> kafka.send(Topics.QUERIES, key, value)));
    }
    List<VerificationQuery> sent = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int i = 0; i < queries.size(); i++) {
      if (await(pending.get(i), deadline, queries.get(i))) {
        sent.add(queries.get(i));
      }
    }
    return sent;
  }

  private static boolean await(
      CompletableFuture<SendResult<String, String>> future, long deadline, VerificationQuery q) {
    try {
      future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException | TimeoutException e) {
      log.warn(
          "query {} for verification {} not sent: {}",
          q.reason(),
          q.verificationId(),
          e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
