package io.facecheck.worker.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchDispatcherTest {

  private final ExecutorService pool = InFlightExecutors.create(8, false);
  private final BatchDispatcher dispatcher = new BatchDispatcher(pool);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  record Item(String key, int n) {}

  @Test
  void runsDifferentKeysConcurrently() {
    // 8 records that each wait for all 8 to have started: only possible when they overlap
    CountDownLatch allStarted = new CountDownLatch(8);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      items.add(new Item("k" + i, i));
    }
    dispatcher.dispatch(
        items,
        Item::key,
        item -> {
          allStarted.countDown();
          await(allStarted);
          return CompletableFuture.completedFuture(null);
        });
    assertThat(allStarted.getCount()).isZero();
  }

  @Test
  void keepsTheOrderOfRecordsWithTheSameKey() {
    List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      items.add(new Item(i % 2 == 0 ? "same" : "other-" + i, i));
    }
    dispatcher.dispatch(
        items,
        Item::key,
        item -> {
          if (item.key().equals("same")) {
            seen.add(item.n());
          }
          return CompletableFuture.completedFuture(null);
        });
    assertThat(seen).isSorted().hasSize(25);
  }

  @Test
  void returnsOnlyWhenPendingSideEffectsAreDone() {
    CompletableFuture<Void> ack = new CompletableFuture<>();
    CountDownLatch handled = new CountDownLatch(1);
    AtomicInteger returned = new AtomicInteger();
    Thread listener =
        new Thread(
            () -> {
              dispatcher.dispatch(
                  List.of(new Item("a", 1)),
                  Item::key,
                  item -> {
                    handled.countDown();
                    return ack;
                  });
              returned.incrementAndGet();
            });
    listener.start();
    await(handled);
    // the listener either blocks on the unacknowledged send or (wrongly) returns: wait for one
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> listener.getState() == Thread.State.WAITING || !listener.isAlive());
    assertThat(returned).hasValue(0);
    ack.complete(null);
    join(listener);
    assertThat(returned).hasValue(1);
  }

  @Test
  void rethrowsTheFirstFailureAfterEveryRecordFinished() {
    AtomicInteger finished = new AtomicInteger();
    CountDownLatch failed = new CountDownLatch(1);
    List<Item> items = List.of(new Item("a", 1), new Item("b", 2), new Item("c", 3));
    assertThatThrownBy(
            () ->
                dispatcher.dispatch(
                    items,
                    Item::key,
                    item -> {
                      if (item.n() == 1) {
                        failed.countDown();
                        throw new IllegalStateException("database down");
                      }
                      await(failed); // the others finish only after the first failure
                      finished.incrementAndGet();
                      return CompletableFuture.completedFuture(null);
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("database down");
    assertThat(finished).hasValue(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("not released within 60 s: the records did not overlap");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
