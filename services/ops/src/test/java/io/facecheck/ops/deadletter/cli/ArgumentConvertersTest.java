package io.facecheck.ops.deadletter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ArgumentConvertersTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  private static Instant since(String text) {
    return new Since.Converter().convert(text).cutoff(CLOCK);
  }

  @Test
  void readsSinceAsAnInstantADateOrAnAge() {
    assertThat(since("2026-11-25T08:30:00Z")).isEqualTo("2026-11-25T08:30:00Z");
    assertThat(since("2026-11-25")).isEqualTo("2026-11-25T00:00:00Z");
    assertThat(since("90s")).isEqualTo("2026-11-26T09:58:30Z");
    assertThat(since("30m")).isEqualTo("2026-11-26T09:30:00Z");
    assertThat(since("2h")).isEqualTo("2026-11-26T08:00:00Z");
    assertThat(since("1d")).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(since("PT15M")).isEqualTo("2026-11-26T09:45:00Z");
    assertThatThrownBy(() -> since("last week")).isInstanceOf(TypeConversionException.class);
  }

  @Test
  void readsTopicsByTheirNames() {
    TopicSelection.Converter topics = new TopicSelection.Converter();

    assertThat(topics.convert("verification-requests-dlt").topics())
        .containsExactly("verification-requests-dlt");
    assertThat(topics.convert("verification-queries-dlt").topics())
        .containsExactly("verification-queries-dlt");
    assertThat(topics.convert("all").topics())
        .containsExactly(
            "verification-requests-dlt",
            "verification-queries-dlt",
            "verification-callbacks-dlt",
            "verification-query-results-dlt");
    assertThat(topics.convert("verification-callbacks-dlt").topics())
        .containsExactly("verification-callbacks-dlt");
    assertThatThrownBy(() -> topics.convert("verification-requests-retry-5s"))
        .isInstanceOf(TypeConversionException.class);
  }

  @Test
  void readsReasonsInAnyCase() {
    assertThat(new ReasonConverter().convert("provider_config")).isEqualTo("PROVIDER_CONFIG");
    assertThatThrownBy(() -> new ReasonConverter().convert("TIMEOUT"))
        .isInstanceOf(TypeConversionException.class);
  }
}
