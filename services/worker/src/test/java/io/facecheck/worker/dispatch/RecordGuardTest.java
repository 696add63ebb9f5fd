package io.facecheck.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.DeadLetterReason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordGuardTest {

  static final class Refused extends RuntimeException {}

  static final class Unreachable extends RuntimeException {}

  private static final FailureClassifier CLASSIFIER =
      new FailureClassifier() {
        @Override
        public FailureKind kindOf(Throwable failure) {
          if (failure instanceof Refused) {
            return FailureKind.UNSTORABLE;
          }
          return failure instanceof Unreachable ? FailureKind.TRANSIENT : FailureKind.UNEXPECTED;
        }

        @Override
        public String describe(Throwable failure) {
          return failure.getClass().getSimpleName();
        }
      };

  private final List<String> givenUp = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  private RecordGuard<String> guard(RuntimeException thrown) {
    return new RecordGuard<>(
        r -> {
          calls.incrementAndGet();
          throw thrown;
        },
        poison(),
        CLASSIFIER,
        3,
        Runnable::run);
  }

  private PoisonRecords<String> poison() {
    return (record, reason, message, attempts) -> {
      givenUp.add(record + ":" + reason + ":" + attempts);
      return CompletableFuture.completedFuture(null);
    };
  }

  @Test
  void dataTheDatabaseRefusesIsDeadLetteredAtOnce() {
    guard(new Refused()).handle("r1").join();

    assertThat(calls).hasValue(1);
    assertThat(givenUp).containsExactly("r1:" + DeadLetterReason.UNSTORABLE + ":1");
  }

  @Test
  void anUnexpectedFailureIsTriedABoundedNumberOfTimesThenDeadLettered() {
    guard(new IllegalStateException("bug")).handle("r1").join();

    assertThat(calls).hasValue(3);
    assertThat(givenUp).containsExactly("r1:" + DeadLetterReason.RETRIES_EXHAUSTED + ":3");
  }

  @Test
  void aTransientFailureIsPassedOnNeverDeadLettered() {
    assertThatThrownBy(() -> guard(new Unreachable()).handle("r1")).isInstanceOf(Unreachable.class);

    assertThat(calls).hasValue(1);
    assertThat(givenUp).isEmpty();
  }

  @Test
  void aSendThatFailsForGoodIsDeadLetteredWithoutRedoingTheRecord() {
    RecordGuard<String> guard =
        new RecordGuard<>(
            r -> {
              calls.incrementAndGet();
              return CompletableFuture.failedFuture(new IllegalStateException("too large"));
            },
            poison(),
            CLASSIFIER,
            3,
            Runnable::run);

    guard.handle("r1").join();

    assertThat(calls).hasValue(1); // the handler (and its Alipay call) ran once
    assertThat(givenUp).containsExactly("r1:" + DeadLetterReason.RETRIES_EXHAUSTED + ":1");
  }

  @Test
  void aSendThatFailsTransientlyLeavesTheRecordUnfinished() {
    RecordGuard<String> guard =
        new RecordGuard<>(
            r -> CompletableFuture.failedFuture(new Unreachable()),
            poison(),
            CLASSIFIER,
            3,
            Runnable::run);

    assertThatThrownBy(() -> guard.handle("r1").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(Unreachable.class);
    assertThat(givenUp).isEmpty();
  }
}
