package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.exit.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Usage errors never reach Kafka or PostgreSQL: they end with exit code 2 and a message. */
class CommandLineParsingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    CommandLine cli = FacecheckOps.commandLine(new OpsContext(Map.of(), clock));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void printsHelpWithTheCommandsAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains("facecheck-ops")
        .contains("dlt")
        .contains("timeline")
        .containsPattern("\\n +2 +usage error");
  }

  @Test
  void everyCommandsHelpEndsWithTheExitCodes() {
    for (String[] command :
        new String[][] {
          {"dlt", "list"}, {"dlt", "show"}, {"dlt", "replay"}, {"timeline"}, {"resume"}, {"erase"}
        }) {
      out.getBuffer().setLength(0);
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      assertThat(run(args)).isZero();
      assertThat(out.toString())
          .as(String.join(" ", command))
          .contains("--json")
          .contains("Exit codes:")
          .containsPattern("\\n +0 +ok")
          .containsPattern("\\n +1 +not found")
          .containsPattern("\\n +2 +usage error")
          .containsPattern("\\n +3 +refused")
          .containsPattern("\\n +4 +Kafka or PostgreSQL unreachable")
          .containsPattern("\\n +5 +partial failure")
          .containsPattern("\\n +70 +internal error");
    }
  }

  @Test
  void withJsonAUsageErrorIsAJsonObjectOnStderrWithItsExitCode() {
    assertThat(run("dlt", "list", "--json", "--limit", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("dlt", "replay", "--json", "--reason", "NOPE")).isEqualTo(ExitCodes.USAGE);

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines())
        .hasSize(2)
        .allSatisfy(
            line -> {
              JsonNode error = JSON.readTree(line);
              assertThat(error.get("type").asString()).isEqualTo("error");
              assertThat(error.get("exit_code").asInt()).isEqualTo(ExitCodes.USAGE);
              assertThat(error.get("error").asString()).isEqualTo("usage");
            });
    assertThat(err.toString()).contains("--limit must be at least 1").contains("unknown reason");
  }

  @Test
  void refusesARateThatIsNotOne() {
    assertThat(run("dlt", "replay", "--reason", "NOT_UTF8", "--rate", "fast"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("dlt", "replay", "--reason", "NOT_UTF8", "--rate", "0/s"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("expected records per second such as 50/s");
  }

  @Test
  void refusesAnUnknownReason() {
    assertThat(run("dlt", "list", "--reason", "NOPE")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown reason 'NOPE'").contains("PROVIDER_CONFIG");
  }

  @Test
  void refusesATopicThatIsNotADeadLetterTopic() {
    assertThat(run("dlt", "list", "--topic", "verification-requests")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(
            "verification-requests-dlt, verification-queries-dlt, verification-callbacks-dlt, verification-query-results-dlt, all");
  }

  @Test
  void refusesAnUnreadableSince() {
    assertThat(run("dlt", "list", "--since", "yesterday")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("expected an instant");
  }

  @Test
  void refusesALimitBelowOne() {
    assertThat(run("dlt", "list", "--limit", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--limit must be at least 1");
  }

  @Test
  void replayNeedsEitherCoordinatesOrAReasonButNotBoth() {
    assertThat(run("dlt", "replay")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("dlt", "replay", "verification-requests-dlt", "0", "1", "--reason", "NOT_UTF8"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("dlt", "replay", "verification-requests-dlt")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("give either TOPIC PARTITION OFFSET or --reason CODE")
        .contains("TOPIC needs PARTITION and OFFSET");
  }

  @Test
  void showNeedsThreeCoordinates() {
    assertThat(run("dlt", "show", "verification-requests-dlt", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("dlt", "show", "verification-requests-dlt", "x", "1"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void timelineNeedsAnIdOrARequestButNotBoth() {
    assertThat(run("timeline")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("timeline", "not-a-uuid")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("timeline", "--request", "no-colon")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("give either VERIFICATION_ID or --request")
        .contains("not a verification id: not-a-uuid")
        .contains("--request is CLIENT_ID:REQUEST_ID");
  }

  @Test
  void reportsAnUnreachableDatabaseAsAConnectionError() {
    int code =
        run(
            "timeline",
            "--request",
            "loan-service:order-42",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/none",
            "--timeout-seconds",
            "2");

    assertThat(code).isEqualTo(ExitCodes.CONNECTION);
    assertThat(err.toString()).contains("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1");
  }

  @Test
  void withJsonAnUnreachableDatabaseIsAJsonConnectionError() {
    int code =
        run(
            "resume",
            "01a2182d-67cc-763d-afcf-71a078302e54",
            "--json",
            "--jdbc-url",
            "jdbc:postgresql://127.0.0.1:1/none",
            "--timeout-seconds",
            "2");

    assertThat(code).isEqualTo(ExitCodes.CONNECTION);
    assertThat(out.toString()).isEmpty();
    JsonNode error = JSON.readTree(err.toString().strip());
    assertThat(error.get("exit_code").asInt()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(error.get("error").asString()).isEqualTo("connection");
    assertThat(error.get("message").asString()).contains("cannot reach PostgreSQL");
  }
}
