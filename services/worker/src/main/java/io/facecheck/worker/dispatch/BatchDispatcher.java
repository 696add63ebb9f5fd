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
import java.util.function.Function;

/**
 * Runs the records of one polled batch concurrently and returns only when every one is done, so the
 * listener container commits the batch's offsets only after all its records are settled. Records
 * with the same key run one after the other, in offset order; different keys run in parallel on the
 * shared bounded executor, which caps in-flight work across all listener threads.
 */
public final class BatchDispatcher {

  private final Executor executor;

  public BatchDispatcher(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  /**
   * Handles every record; {@code handler} returns a stage that completes when the record's side
   * effects (e.g. Kafka sends) are acknowledged. Waits for all of them, then rethrows the first
   * failure, if any, so the container redelivers the batch (handlers are idempotent).
   */
  public <R> void dispatch(
      List<R> records, Function<R, ?> keyOf, Function<R, ? extends CompletionStage<?>> handler) {
    Map<Object, List<R>> byKey = new LinkedHashMap<>();
    for (R record : records) {
      Object key = keyOf.apply(record);
      // a record without a key promises no order: it runs on its own
      Object group = key == null ? new Object() : new KeyRef(key);
      byKey.computeIfAbsent(group, k -> new ArrayList<>()).add(record);
    }
    List<CompletableFuture<?>> done = new ArrayList<>(byKey.size());
    for (List<R> sameKey : byKey.values()) {
      done.add(
          CompletableFuture.supplyAsync(() -> runInOrder(sameKey, handler), executor)
              .thenCompose(Function.identity()));
    }
    awaitAll(done);
  }

  private static <R> CompletableFuture<Void> runInOrder(
      List<R> sameKey, Function<R, ? extends CompletionStage<?>> handler) {
    List<CompletableFuture<?>> pending = new ArrayList<>(sameKey.size());
    for (R record : sameKey) {
      pending.add(handler.apply(record).toCompletableFuture());
    }
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new));
  }

  private static void awaitAll(List<CompletableFuture<?>> done) {
    // wait for every record, failed or not, before deciding: nothing of this batch may still be
    // running when the container seeks back to redeliver it
    RuntimeException first = null;
    for (CompletableFuture<?> future : done) {
      try {
        future.join();
      } catch (CompletionException | java.util.concurrent.CancellationException e) {
        if (first == null) {
          first = unwrap(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static RuntimeException unwrap(RuntimeException e) {
    Throwable cause = e.getCause();
    if (e instanceof CompletionException && cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return e;
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
