package io.facecheck.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsSpringStyleDurations() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(converter.convert("PT1M")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void refusesAnythingElse() {
    assertThatThrownBy(() -> converter.convert("10"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> converter.convert("-5s")).isInstanceOf(TypeConversionException.class);
    assertThatThrownBy(() -> converter.convert("ten seconds"))
        .isInstanceOf(TypeConversionException.class);
  }
}
