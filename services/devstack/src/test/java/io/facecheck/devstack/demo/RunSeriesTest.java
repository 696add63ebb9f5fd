package io.facecheck.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.result.ResultStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSeriesTest {

  @Test
  void countsCertifyUrlsAndFinalsInTheSecondOfTheRunTheyArrivedIn() {
    RunSeries series = RunSeries.of(DemoRunFixture.tally());

    assertThat(series.certifyUrlsPerSecond()).containsExactly(5, 3, 0, 0, 0);
    assertThat(series.finalsPerSecond()).containsExactly(0, 1, 3, 2, 1);
  }

  @Test
  void countsEachFinalStatusAndLeavesAwaitingUserOut() {
    RunSeries series = RunSeries.of(DemoRunFixture.tally());

    assertThat(series.outcomes())
        .containsOnlyKeys(
            ResultStatus.PASSED, ResultStatus.FAILED, ResultStatus.EXPIRED, ResultStatus.REJECTED)
        .containsEntry(ResultStatus.PASSED, 4)
        .containsEntry(ResultStatus.FAILED, 2)
        .containsEntry(ResultStatus.EXPIRED, 1)
        .containsEntry(ResultStatus.REJECTED, 0);
  }

  @Test
  void histogramsHoldEveryLatencyInARoundWidthBin() {
    RunSeries series = RunSeries.of(DemoRunFixture.tally());

    // request -> certify URL: 120 … 1,900 ms; 100 ms bins keep 1,900 under 30 bins
    assertThat(series.toCertifyUrl().binMillis()).isEqualTo(100);
    assertThat(series.toCertifyUrl().counts()).hasSize(20);
    assertThat(series.toCertifyUrl().total()).isEqualTo(8);
    assertThat(series.toCertifyUrl().counts().get(1)).isEqualTo(2); // 120, 180
    assertThat(series.toFinal().binMillis()).isEqualTo(200);
    assertThat(series.toFinal().total()).isEqualTo(7);
  }

  @Test
  void binWidthsAreOneTwoFiveTimesAPowerOfTen() {
    assertThat(LatencyHistogram.roundWidth(0)).isEqualTo(1);
    assertThat(LatencyHistogram.roundWidth(29)).isEqualTo(1);
    assertThat(LatencyHistogram.roundWidth(30)).isEqualTo(2);
    assertThat(LatencyHistogram.roundWidth(149)).isEqualTo(5);
    assertThat(LatencyHistogram.roundWidth(60_000)).isEqualTo(5_000);
    assertThat(LatencyHistogram.of(List.of()).counts()).isEmpty();
  }

  @Test
  void aRunWithNothingBackHasNoSeconds() {
    Tally tally = new Tally();
    tally.sent("r", 0);

    RunSeries series = RunSeries.of(tally);

    assertThat(series.certifyUrlsPerSecond()).isEmpty();
    assertThat(series.finalsPerSecond()).isEmpty();
  }
}
