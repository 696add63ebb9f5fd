package io.facecheck.ops.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.console.FakeTicker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {

  private final FakeTicker ticker = new FakeTicker();

  @Test
  void theFirstRecordGoesAtOnceAndEachNextOneIntervalLater() {
    Pacer pacer = new Pacer(Rate.parse("10/s"), ticker);
    long start = ticker.nanos();

    for (int i = 0; i < 50; i++) {
      pacer.acquire();
    }

    // 50 records at 10/s: the 50th goes 4.9 s after the first
    assertThat(Duration.ofNanos(ticker.nanos() - start)).isEqualTo(Duration.ofMillis(4900));
    assertThat(ticker.sleeps()).hasSize(49).containsOnly(100_000_000L);
  }

  @Test
  void timeSpentElsewhereCountsTowardsTheInterval() {
    Pacer pacer = new Pacer(Rate.parse("10/s"), ticker);
    pacer.acquire();
    ticker.advance(Duration.ofMillis(60)); // e.g. sending took 60 ms

    pacer.acquire();

    assertThat(ticker.sleeps()).containsExactly(40_000_000L);
  }

  @Test
  void aPauseIsNotMadeUpForByABurst() {
    Pacer pacer = new Pacer(Rate.parse("10/s"), ticker);
    pacer.acquire();
    ticker.advance(Duration.ofSeconds(5)); // a slow moment: 50 intervals passed

    pacer.acquire(); // at once
    pacer.acquire(); // one interval later, not at once
    pacer.acquire();

    assertThat(ticker.sleeps()).containsExactly(100_000_000L, 100_000_000L);
  }
}
