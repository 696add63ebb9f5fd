package io.facecheck.worker.dispatch;

import io.facecheck.contracts.DeadLetterReason;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one record's failure from stalling its partition. An error that will fail again is given up
 * on at once ({@code UNSTORABLE}); an unexpected one after {@code maxAttempts} attempts in place
 * ({@code RETRIES_EXHAUSTED}); a transient one (database or broker down) is passed on, so the
 * record is tried again later while its finished neighbours are not. A send that fails after the
 * handler returned (e.g. a retry record the broker refuses) is not redone in place, since that
 * would repeat the record's Alipay call: it is given up on unless it is transient.
 */
public final class RecordGuard<R> {

  private static final Logger log = LoggerFactory.getLogger(RecordGuard.class);

  private final Function<R, ? extends CompletionStage<?>> handler;
  private final PoisonRecords<R> poison;
  private final FailureClassifier classifier;
  private final int maxAttempts;
  private final Executor afterSendExecutor;

  /**
   * @param afterSendExecutor where a failed send is looked at and given up on: never the thread
   *     that completed the send (the producer's I/O thread must not wait for a dead letter)
   */
  public RecordGuard(
      Function<R, ? extends CompletionStage<?>> handler,
      PoisonRecords<R> poison,
      FailureClassifier classifier,
      int maxAttempts,
      Executor afterSendExecutor) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.handler = handler;
    this.poison = poison;
    this.classifier = classifier;
    this.maxAttempts = maxAttempts;
    this.afterSendExecutor = afterSendExecutor;
  }

  /**
   * Handles {@code record}: completes normally once it is done or dead-lettered; throws, or
   * completes exceptionally, only for a transient failure.
   */
  public CompletableFuture<?> handle(R record) {
    for (int attempt = 1; ; attempt++) {
      CompletableFuture<?> sent;
      try {
        sent = handler.apply(record).toCompletableFuture();
      } catch (RuntimeException e) {
        FailureKind kind = classifier.kindOf(e);
        if (kind == FailureKind.TRANSIENT) {
          throw e;
        }
        if (kind == FailureKind.UNSTORABLE) {
          return poison.giveUp(record, DeadLetterReason.UNSTORABLE, describe(e), attempt);
        }
        if (attempt >= maxAttempts) {
          return poison.giveUp(record, DeadLetterReason.RETRIES_EXHAUSTED, describe(e), attempt);
        }
        log.warn("attempt {} of {} failed: {}", attempt, record, classifier.describe(e));
        continue;
      }
      final int attempts = attempt;
      if (sent.isDone() && !sent.isCompletedExceptionally()) {
        return sent;
      }
      return sent.handleAsync(
              (ok, failure) -> afterSend(record, failure, attempts), afterSendExecutor)
          .thenCompose(Function.identity());
    }
  }

  private CompletableFuture<?> afterSend(R record, Throwable failure, int attempts) {
    if (failure == null) {
      return CompletableFuture.completedFuture(null);
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    FailureKind kind = classifier.kindOf(cause);
    if (kind == FailureKind.TRANSIENT) {
      return CompletableFuture.failedFuture(cause);
    }
    DeadLetterReason reason =
        kind == FailureKind.UNSTORABLE
            ? DeadLetterReason.UNSTORABLE
            : DeadLetterReason.RETRIES_EXHAUSTED;
    return poison.giveUp(record, reason, describe(cause), attempts);
  }

  private String describe(Throwable e) {
    return "gave up on the record: " + classifier.describe(e);
  }
}
