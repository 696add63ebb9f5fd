package io.facecheck.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.devstack.demo.Tally;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchFiguresTest {

  private static final long MS = 1_000_000;

  @Test
  void latencyCountsFromTheDueTimeAndRatesFromTheFirstDueRequest() {
    List<Tally.Milestones> runs =
        List.of(
            milestones(0, 100, 2_000, ResultStatus.PASSED),
            milestones(500, 700, 3_000, ResultStatus.FAILED),
            milestones(1_000, 1_300, 61_000, ResultStatus.EXPIRED),
            milestones(1_500, 1_600, 0, null));

    BenchFigures f = BenchFigures.of(runs);

    assertThat(f.requests()).isEqualTo(4);
    assertThat(f.certifyUrls()).isEqualTo(4);
    assertThat(f.decided()).isEqualTo(2);
    assertThat(f.finalTotal()).isEqualTo(3);
    assertThat(f.finals())
        .containsEntry(ResultStatus.PASSED, 1)
        .containsEntry(ResultStatus.FAILED, 1)
        .containsEntry(ResultStatus.EXPIRED, 1)
        .containsEntry(ResultStatus.REJECTED, 0)
        .doesNotContainKey(ResultStatus.AWAITING_USER);
    // 4 URLs from 0 to 1.6 s; 2 decisions from 0 to 3 s
    assertThat(f.certifyUrlsPerSecond()).isEqualTo(4 / 1.6);
    assertThat(f.decidedPerSecond()).isEqualTo(2 / 3.0);
    // 100, 200, 300, 100 ms from due to URL
    assertThat(f.toCertifyUrl().p50()).isEqualTo(100);
    assertThat(f.toCertifyUrl().max()).isEqualTo(300);
    assertThat(f.toDecided().max()).isEqualTo(2_500);
    assertThat(f.toFinal().max()).isEqualTo(60_000);
  }

  private static Tally.Milestones milestones(
      long dueMs, long urlMs, long finalMs, ResultStatus status) {
    return Tally.Milestones.of(
        1_000 * MS + dueMs * MS,
        1_000 * MS + urlMs * MS,
        status == null ? 0 : 1_000 * MS + finalMs * MS,
        status);
  }
}
