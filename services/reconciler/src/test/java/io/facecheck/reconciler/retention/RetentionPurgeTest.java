package io.facecheck.reconciler.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.testinfra.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPurgeTest {

  private final MutableClock clock = MutableClock.at("2026-12-01T00:00:00Z");
  private final RetentionPolicy policy =
      new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(1825), 500);

  @Test
  void eachKindCountsItsPeriodBackFromNowWithTheBatchAsLimit() {
    RecordingStore store = new RecordingStore(0, 0, 0);

    new RetentionPurge(store, policy, clock).runOnce();

    assertThat(store.calls)
        .containsExactly(
            "erase<2026-11-24T00:00:00Z limit 500",
            "outbox<2026-11-01T00:00:00Z limit 500",
            "timeline<2021-12-02T00:00:00Z limit 500");
  }

  @Test
  void aFullBatchOfAnyKindMeansMoreMayBeDue() {
    assertThat(new RetentionPurge(new RecordingStore(500, 0, 0), policy, clock).runOnce().full(500))
        .isTrue();
    assertThat(new RetentionPurge(new RecordingStore(0, 0, 500), policy, clock).runOnce().full(500))
        .isTrue();
    PurgeBatch partial = new RetentionPurge(new RecordingStore(499, 3, 0), policy, clock).runOnce();
    assertThat(partial.full(500)).isFalse();
    assertThat(partial.empty()).isFalse();
    assertThat(new PurgeBatch(0, 0, 0).empty()).isTrue();
  }

  @Test
  void refusesPeriodsThatAreNotPositiveAndAnEmptyBatch() {
    assertThatThrownBy(
            () -> new RetentionPolicy(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(1), 1))
        .hasMessageContaining("erase-identity-after");
    assertThatThrownBy(
            () ->
                new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(-1), Duration.ofDays(1), 1))
        .hasMessageContaining("delete-published-outbox-after");
    assertThatThrownBy(
            () ->
                new RetentionPolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 0))
        .hasMessageContaining("batch");
  }

  private static final class RecordingStore implements RetentionStore {
    final List<String> calls = new ArrayList<>();
    private final int erased;
    private final int outbox;
    private final int timeline;

    RecordingStore(int erased, int outbox, int timeline) {
      this.erased = erased;
      this.outbox = outbox;
      this.timeline = timeline;
    }

    @Override
    public int eraseIdentities(Instant finalBefore, int limit) {
      calls.add("erase<" + finalBefore + " limit " + limit);
      return erased;
    }

    @Override
    public int deletePublishedOutbox(Instant publishedBefore, int limit) {
      calls.add("outbox<" + publishedBefore + " limit " + limit);
      return outbox;
    }

    @Override
    public int deleteTimelines(Instant cutoff, int limit) {
      calls.add("timeline<" + cutoff + " limit " + limit);
      return timeline;
    }
  }
}
