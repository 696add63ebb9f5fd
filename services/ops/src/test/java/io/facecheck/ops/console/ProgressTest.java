package io.facecheck.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProgressTest {

  private final StringWriter err = new StringWriter();
  private final FakeTicker ticker = new FakeTicker();

  private Progress progress(Progress.Style style) {
    return new Progress(new PrintWriter(err, true), style, ticker);
  }

  @Test
  void aShortPhasePrintsNothingSoSmallRunsStayQuiet() {
    try (Progress.Phase phase = progress(Progress.Style.LINES).begin("reading dead letters", 3)) {
      phase.step(3);
    }
    try (Progress.Phase phase = progress(Progress.Style.LIVE).begin("reading dead letters", 3)) {
      phase.step(3);
    }

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void plainLinesComeEveryThousandRecordsAndEndWithADoneLine() {
    try (Progress.Phase phase =
        progress(Progress.Style.LINES).begin("replaying dead letters", 2500)) {
      for (int i = 0; i < 2500; i++) {
        phase.step();
      }
    }

    assertThat(err.toString().lines())
        .containsExactly(
            "facecheck-ops: replaying dead letters 1000/2500 (40%)",
            "facecheck-ops: replaying dead letters 2000/2500 (80%)",
            "facecheck-ops: replaying dead letters 2500/2500 (100%) done in 0.0s");
  }

  @Test
  void plainLinesComeEveryFewSecondsWhenRecordsAreSlow() {
    try (Progress.Phase phase =
        progress(Progress.Style.LINES).begin("replaying dead letters", 10)) {
      phase.step();
      ticker.advance(Duration.ofSeconds(4));
      phase.step();
      ticker.advance(Duration.ofSeconds(1));
      phase.step();
    }

    assertThat(err.toString().lines())
        .containsExactly(
            "facecheck-ops: replaying dead letters 3/10 (30%) 0.6/s",
            "facecheck-ops: replaying dead letters 3/10 (30%) done in 5.0s");
  }

  @Test
  void onATerminalOneLineIsRedrawnInPlace() {
    try (Progress.Phase phase = progress(Progress.Style.LIVE).begin("reading dead letters", 4)) {
      ticker.advance(Duration.ofMillis(150));
      phase.step(2);
      ticker.advance(Duration.ofMillis(150));
      phase.step(2);
    }

    String text = err.toString();
    assertThat(text)
        .startsWith("\r\u001b[Kfacecheck-ops: reading dead letters 2/4 (50%)")
        .contains("\r\u001b[Kfacecheck-ops: reading dead letters 4/4 (100%)")
        .endsWith("done in 0.3s" + System.lineSeparator());
    assertThat(text.chars().filter(c -> c == '\n')).hasSize(1);
  }

  @Test
  void withJsonEveryProgressLineIsAJsonObject() {
    try (Progress.Phase phase =
        progress(Progress.Style.JSON_LINES).begin("replaying dead letters", 1500)) {
      phase.step(1000);
      phase.step(500);
    }

    JsonMapper json = JsonMapper.builder().build();
    assertThat(err.toString().lines())
        .hasSize(2)
        .allSatisfy(
            line -> {
              JsonNode node = json.readTree(line);
              assertThat(node.get("type").asString()).isEqualTo("progress");
              assertThat(node.get("phase").asString()).isEqualTo("replaying dead letters");
              assertThat(node.get("total").asLong()).isEqualTo(1500);
            });
    assertThat(json.readTree(err.toString().lines().toList().get(1)).get("finished").asBoolean())
        .isTrue();
  }

  @Test
  void theStyleFollowsTheTerminalAndJson() {
    assertThat(Progress.styleFor(new ScriptedTerminal("y"), false)).isEqualTo(Progress.Style.LIVE);
    assertThat(Progress.styleFor(Terminal.none(), false)).isEqualTo(Progress.Style.LINES);
    assertThat(Progress.styleFor(Terminal.none(), true)).isEqualTo(Progress.Style.JSON_LINES);
    assertThat(Progress.styleFor(new ScriptedTerminal("y"), true))
        .isEqualTo(Progress.Style.JSON_LINES);
  }
}
