package io.facecheck.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's status diagram is rendered from {@link VerificationStatus}; this test fails when the
 * README's copy is stale. Regenerate with {@code -Dfacecheck.updateReadme=true}.
 */
class StatusDiagramTest {

  static final String START = "<!-- status-diagram:start -->";
  static final String END = "<!-- status-diagram:end -->";
  private static final Path README = Path.of("../../README.md");
  private static final String HOW_TO_FIX =
      "The README's status diagram is stale. Regenerate it with: ./mvnw -pl services/statemachine"
          + " test -Dtest=StatusDiagramTest -Dfacecheck.updateReadme=true";

  @Test
  void readmeShowsTheCurrentTransitionTable() throws IOException {
    String block = block(StatusDiagram.mermaid());
    if (Boolean.getBoolean("facecheck.updateReadme")) {
      write(block);
    }
    assertThat(Files.exists(README)).as(HOW_TO_FIX).isTrue();
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(readme).as(HOW_TO_FIX).contains(block);
  }

  @Test
  void diagramHasEveryTransitionOfTheTable() {
    String diagram = StatusDiagram.mermaid();
    long edges = diagram.lines().filter(l -> l.contains("-->") && !l.contains("[*]")).count();
    long table =
        java.util.Arrays.stream(VerificationStatus.values())
            .mapToLong(s -> s.allowedNext().size())
            .sum();

    assertThat(edges).isEqualTo(table);
    assertThat(diagram)
        .startsWith("stateDiagram-v2\n")
        .contains("INITIALIZING --> AWAITING_USER : verification.certify_url_issued")
        .contains("DEAD_LETTERED --> AWAITING_USER : ops replay")
        .contains("PASSED --> [*]");
  }

  static String block(String mermaid) {
    return START + "\n```mermaid\n" + mermaid + "```\n" + END;
  }

  /** Rewrites only the block between the markers; creates a minimal README if there is none. */
  private static void write(String block) throws IOException {
    if (!Files.exists(README)) {
      Files.writeString(README, "## Status model\n\n" + block + "\n", StandardCharsets.UTF_8);
      return;
    }
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    String updated =
        start >= 0 && end > start
            ? readme.substring(0, start) + block + readme.substring(end + END.length())
            : readme + "\n## Status model\n\n" + block + "\n";
    Files.writeString(README, updated, StandardCharsets.UTF_8);
  }
}
