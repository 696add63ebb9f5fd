package io.facecheck.worker.query;

import io.facecheck.contracts.query.VerificationQueryResult;
import java.util.concurrent.CompletableFuture;

/** Where answers go: verification-query-results, keyed by verification_id. */
public interface QueryResults {

  /** The future completes once the broker acknowledged the record. */
  CompletableFuture<?> publish(VerificationQueryResult result);
}
