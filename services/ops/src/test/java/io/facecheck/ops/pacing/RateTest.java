package io.facecheck.ops.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateTest {

  @Test
  void readsRecordsPerSecondWithOrWithoutTheUnit() {
    assertThat(Rate.parse("50/s").perSecond()).isEqualTo(50);
    assertThat(Rate.parse("50").perSecond()).isEqualTo(50);
    assertThat(Rate.parse(" 2.5 / s ").perSecond()).isEqualTo(2.5);
    assertThat(Rate.parse("600/m").perSecond()).isEqualTo(10);
    assertThat(Rate.parse(Rate.DEFAULT).perSecond()).isEqualTo(100);
  }

  @Test
  void refusesWhatIsNotARate() {
    for (String bad : new String[] {"", "fast", "-5/s", "0", "0/s", "50/h", "1000000/s"}) {
      assertThatThrownBy(() -> Rate.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theIntervalIsOneOverTheRate() {
    assertThat(Rate.parse("10/s").intervalNanos()).isEqualTo(100_000_000L);
    assertThat(Rate.parse("0.5").intervalNanos()).isEqualTo(2_000_000_000L);
    assertThat(Rate.parse("10/s")).hasToString("10/s");
  }
}
