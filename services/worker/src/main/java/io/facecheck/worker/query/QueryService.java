package io.facecheck.worker.query;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.deadletter.PiiMask;
import io.facecheck.worker.retry.FailedAttempt;
import io.facecheck.worker.retry.RetryRouter;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Answers one verification-queries command with Alipay's authoritative result. It decides nothing
 * about the status: that is the reconciler's. Repeating a query is harmless, so redelivery is too.
 * Transient failures go to the query retry topics, then verification-queries-dlt.
 */
public final class QueryService {

  private final CertificationQuery alipay;
  private final QueryResults results;
  private final DeadLetters deadLetters;
  private final RetryRouter retries;
  private final Clock clock;

  public QueryService(
      CertificationQuery alipay,
      QueryResults results,
      DeadLetters deadLetters,
      RetryRouter retries,
      Clock clock) {
    this.alipay = alipay;
    this.results = results;
    this.deadLetters = deadLetters;
    this.retries = retries;
    this.clock = clock;
  }

  public CompletableFuture<?> handle(OriginalRecord record) {
    VerificationQuery query;
    try {
      JsonNode tree = PayloadJson.mapper().readTree(record.value());
      if (tree == null || !tree.isObject()) {
        return deadLetter(
            record,
            DeadLetterReason.NOT_AN_OBJECT,
            "not a JSON object",
            AttemptedCallFacts.once(clock.instant()));
      }
      JsonNode version = tree.get("schema_version");
      if (version == null
          || !version.isIntegralNumber()
          || version.asLong() != VerificationQuery.SCHEMA_VERSION) {
        // a version this worker does not know may mean anything: never read it as v1
        return deadLetter(
            record,
            DeadLetterReason.UNKNOWN_SCHEMA_VERSION,
            "schema_version "
                + (version == null ? "missing" : PiiMask.mask(version.toString()))
                + ", this worker reads "
                + VerificationQuery.SCHEMA_VERSION,
            AttemptedCallFacts.once(clock.instant()));
      }
      query = PayloadJson.mapper().treeToValue(tree, VerificationQuery.class);
    } catch (RuntimeException e) {
      // a query carries no PII; the type of problem is still all ops need
      return deadLetter(
          record,
          DeadLetterReason.INVALID_JSON,
          "not a verification query: " + e.getClass().getSimpleName(),
          AttemptedCallFacts.once(clock.instant()));
    }
    if (!alipay.knowsApp(query.app())) {
      return deadLetter(
          record,
          DeadLetterReason.PROVIDER_CONFIG,
          "no Alipay app named '" + query.app() + "' is configured",
          AttemptedCallFacts.once(clock.instant()));
    }
    // queried_at is when the query was SENT: the reconciler decides FAILED only for a query sent
    // after the user came back, and an answer can be older than the moment it arrives. With
    // in-process retries this is the first attempt's send, earlier than the answering one: the
    // safe side (an answer that looks earlier than it was leads to another query, never to FAILED)
    Instant now = clock.instant();
    AttemptedCall<QueryAnswer> call = alipay.query(query.app(), query.certifyId());
    AlipayOutcome<QueryAnswer> outcome = call.outcome();
    if (outcome instanceof AlipayOutcome.Succeeded<QueryAnswer> succeeded) {
      QueryAnswer answer = succeeded.value();
      return results.publish(
          answer.passed()
              ? VerificationQueryResult.answering(query, QueryOutcome.PASSED, null, now)
              : VerificationQueryResult.answering(
                  query, QueryOutcome.NOT_PASSED, answer.failReason(), now));
    }
    if (outcome instanceof AlipayOutcome.Rejected<?> rejected) {
      // 40004 on a query: Alipay does not know this certify_id
      return results.publish(
          VerificationQueryResult.answering(
              query, QueryOutcome.NOT_FOUND, rejected.subCode(), now));
    }
    FailedAttempt failed =
        new FailedAttempt(
            record,
            Topics.QUERIES_RETRY_PREFIX,
            Topics.QUERIES_DLT,
            call.attempts(),
            call.firstFailureAt(),
            call.lastFailureAt(),
            null, // a query knows no expires_at: the hops bound it, the reconciler asks again
            PiiMask.mask(outcome.detail()));
    if (outcome instanceof AlipayOutcome.ProviderConfig<?>) {
      return retries.giveUp(failed, DeadLetterReason.PROVIDER_CONFIG, failed.message()).published();
    }
    if (outcome instanceof AlipayOutcome.Unavailable<?> down) {
      return retries.unavailable(failed, down.retryAfter()).published();
    }
    return retries.transientFailure(failed).published();
  }

  private CompletableFuture<?> deadLetter(
      OriginalRecord record, DeadLetterReason reason, String message, AttemptedCallFacts facts) {
    return deadLetters.publish(
        new DeadLetter(
            Topics.QUERIES_DLT,
            record,
            reason,
            PiiMask.mask(message),
            facts.attempts(),
            facts.first(),
            facts.last()));
  }

  private record AttemptedCallFacts(int attempts, Instant first, Instant last) {
    static AttemptedCallFacts once(Instant at) {
      return new AttemptedCallFacts(1, at, at);
    }
  }
}
