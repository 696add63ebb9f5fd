package io.facecheck.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void takesTheNearestRank() {
    Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
    assertThat(p).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    assertThat(Percentiles.of(new long[] {7})).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
  }

  @Test
  void nothingMeasuredIsAllZero() {
    assertThat(Percentiles.of(new long[0])).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
  }
}
