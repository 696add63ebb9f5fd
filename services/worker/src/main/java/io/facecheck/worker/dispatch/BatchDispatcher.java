package io.facecheck.worker.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the records of one polled batch concurrently and returns only when every one is done, with
 * how each ended, so the listener commits exactly what is finished. Records with the same key run
 * one after the other, in offset order; different keys run in parallel on the shared bounded
 * executor, which caps in-flight work across all listener threads.
 */
public final class BatchDispatcher {

  private final Executor executor;
  private final BatchObserver observer;

  public BatchDispatcher(Executor executor) {
    this(executor, BatchObserver.NONE);
  }

  public BatchDispatcher(Executor executor, BatchObserver observer) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * Handles every record; {@code handler} returns a stage that completes when the record's side
   * effects (e.g. Kafka sends) are acknowledged. A record not yet started once {@code outOfTime}
   * answers true is not started at all ({@link RecordOutcome#HANDED_BACK}), nor is any record
   * behind one of its key that failed or was handed back: per-key order holds across redeliveries.
   *
   * @return the outcome of each record, in the order of {@code records}
   */
  public <R> List<RecordOutcome> run(
      List<R> records,
      Function<R, ?> keyOf,
      Function<R, ? extends CompletionStage<?>> handler,
      BooleanSupplier outOfTime) {
    long started = System.nanoTime();
    List<RecordOutcome> outcomes = runAll(records, keyOf, handler, outOfTime);
    observer.batchDone(records.size(), System.nanoTime() - started);
    return outcomes;
  }

  private <R> List<RecordOutcome> runAll(
      List<R> records,
      Function<R, ?> keyOf,
      Function<R, ? extends CompletionStage<?>> handler,
      BooleanSupplier outOfTime) {
    Map<Object, List<Integer>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      Object key = keyOf.apply(records.get(i));
      // a record without a key promises no order: it runs on its own
      Object group = key == null ? new Object() : new KeyRef(key);
      byKey.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
    }
    RecordOutcome[] outcomes = new RecordOutcome[records.size()];
    List<CompletableFuture<?>> done = new ArrayList<>(byKey.size());
    for (List<Integer> sameKey : byKey.values()) {
      done.add(
          CompletableFuture.supplyAsync(
                  () -> runInOrder(records, sameKey, handler, outOfTime, outcomes), executor)
              .thenCompose(Function.identity()));
    }
    // wait for every record, failed or not: nothing of this batch may still be running when the
    // listener commits and seeks
    for (CompletableFuture<?> future : done) {
      try {
        future.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        // the executor refused the task (shutting down): its records stay unfinished below
      }
    }
    List<RecordOutcome> result = new ArrayList<>(outcomes.length);
    for (RecordOutcome outcome : outcomes) {
      result.add(outcome == null ? RecordOutcome.HANDED_BACK : outcome);
    }
    return result;
  }

  /**
   * Handles every record and throws the first failure, if any, once all are done. For callers that
   * redeliver the whole batch themselves.
   */
  public <R> void dispatch(
      List<R> records, Function<R, ?> keyOf, Function<R, ? extends CompletionStage<?>> handler) {
    for (RecordOutcome outcome : run(records, keyOf, handler, () -> false)) {
      if (outcome.failure() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (outcome.failure() != null) {
        throw new CompletionException(outcome.failure());
      }
    }
  }

  private static <R> CompletableFuture<Void> runInOrder(
      List<R> records,
      List<Integer> sameKey,
      Function<R, ? extends CompletionStage<?>> handler,
      BooleanSupplier outOfTime,
      RecordOutcome[] outcomes) {
    List<CompletableFuture<?>> pending = new ArrayList<>(sameKey.size());
    for (int index : sameKey) {
      if (outOfTime.getAsBoolean()) {
        break; // this one and the rest of its key: handed back (null = HANDED_BACK)
      }
      CompletableFuture<?> sent;
      try {
        sent = handler.apply(records.get(index)).toCompletableFuture();
      } catch (RuntimeException e) {
        outcomes[index] = RecordOutcome.retryLater(e);
        break; // the records behind it with the same key must not overtake it
      }
      pending.add(
          sent.handle(
              (ok, failure) -> {
                outcomes[index] =
                    failure == null
                        ? RecordOutcome.DONE
                        : RecordOutcome.retryLater(unwrap(failure));
                return null;
              }));
    }
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /** Keys compared by content, byte arrays included (Kafka keys arrive as byte[]). */
  private record KeyRef(Object key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof KeyRef that && Objects.deepEquals(key, that.key);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(key instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes) : key);
    }
  }
}
