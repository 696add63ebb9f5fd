package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors never reach Kafka or PostgreSQL: they end with exit code 2 and a message. */
class CommandLineParsingTest {

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
        .contains("2   usage error");
  }

  @Test
  void refusesAnUnknownReason() {
    assertThat(run("dlt", "list", "--reason", "NOPE")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(err.toString()).contains("unknown reason 'NOPE'").contains("PROVIDER_CONFIG");
  }

  @Test
  void refusesATopicThatIsNotADeadLetterTopic() {
    assertThat(run("dlt", "list", "--topic", "verification-requests"))
        .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(err.toString())
        .contains(
            "verification-requests-dlt, verification-queries-dlt, verification-callbacks-dlt, verification-query-results-dlt, all");
  }

  @Test
  void refusesAnUnreadableSince() {
    assertThat(run("dlt", "list", "--since", "yesterday")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(err.toString()).contains("expected an instant");
  }

  @Test
  void refusesALimitBelowOne() {
    assertThat(run("dlt", "list", "--limit", "0")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(err.toString()).contains("--limit must be at least 1");
  }

  @Test
  void replayNeedsEitherCoordinatesOrAReasonButNotBoth() {
    assertThat(run("dlt", "replay")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(run("dlt", "replay", "verification-requests-dlt", "0", "1", "--reason", "NOT_UTF8"))
        .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(run("dlt", "replay", "verification-requests-dlt"))
        .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(err.toString())
        .contains("give either TOPIC PARTITION OFFSET or --reason CODE")
        .contains("TOPIC needs PARTITION and OFFSET");
  }

  @Test
  void showNeedsThreeCoordinates() {
    assertThat(run("dlt", "show", "verification-requests-dlt", "0"))
        .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(run("dlt", "show", "verification-requests-dlt", "x", "1"))
        .isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
  }

  @Test
  void timelineNeedsAnIdOrARequestButNotBoth() {
    assertThat(run("timeline")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(run("timeline", "not-a-uuid")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(run("timeline", "--request", "no-colon")).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
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

    assertThat(code).isEqualTo(ExitCodes.USAGE_OR_CONNECTION);
    assertThat(err.toString()).contains("cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1");
  }
}
