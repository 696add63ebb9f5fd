package io.facecheck.worker.initiation;

import io.facecheck.statemachine.Verification;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.util.concurrent.CompletableFuture;

/**
 * Where a start goes when Alipay did not settle it in process ({@link RetryingStartFailures}: retry
 * topics, then the dead letter).
 */
public interface StartFailureRouter {

  /**
   * Transient or unknown outcomes outlasted the in-process retries, or Alipay is unavailable (the
   * call's outcome is {@link io.facecheck.worker.alipay.AlipayOutcome.Unavailable}).
   */
  CompletableFuture<?> transientFailure(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message);

  /** Alipay says our configuration is wrong: no retry can help, ops must fix and replay. */
  CompletableFuture<?> configurationFailure(
      Verification verification, OriginalRecord record, AttemptedCall<?> call, String message);
}
