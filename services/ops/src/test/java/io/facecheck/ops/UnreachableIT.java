package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.exit.ExitCodes;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka or PostgreSQL on a port nothing listens on: exit code 4 with a line naming which and where,
 * within the bounded client timeouts (the JUnit timeout fails a hang; it is no speed assertion).
 */
class UnreachableIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static StoredVerifications verifications;
  private static InProcessOps ops;

  @BeforeAll
  static void start() {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aClosedKafkaPortIsAConnectionFailure() throws IOException {
    String kafka = "127.0.0.1:" + closedPort();
    long started = System.nanoTime();

    Run list =
        ops.runAsGiven("dlt", "list", "--bootstrap-servers", kafka, "--timeout-seconds", "3");
    Run replay =
        ops.runAsGiven(
            "dlt",
            "replay",
            "--reason",
            "PROVIDER_CONFIG",
            "--yes",
            "--bootstrap-servers",
            kafka,
            "--timeout-seconds",
            "3");

    System.out.printf(
        "two commands against a closed Kafka port ended in %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
    assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(list.err()).contains("Kafka at " + kafka);
    assertThat(replay.code()).as(replay.err()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(list.out()).isEmpty();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void withJsonTheConnectionFailureIsAJsonErrorOnStderr() throws IOException {
    String kafka = "127.0.0.1:" + closedPort();

    Run run =
        ops.runAsGiven(
            "dlt",
            "show",
            "verification-requests-dlt",
            "0",
            "1",
            "--json",
            "--bootstrap-servers",
            kafka,
            "--timeout-seconds",
            "3");

    assertThat(run.code()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    JsonNode error = JSON.readTree(run.err());
    assertThat(error.get("type").asString()).isEqualTo("error");
    assertThat(error.get("exit_code").asInt()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(error.get("error").asString()).isEqualTo("connection");
    assertThat(error.get("message").asString()).contains(kafka);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aClosedPostgresPortIsAConnectionFailure() throws IOException {
    String jdbc = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/facecheck";

    Run run =
        ops.runAsGiven(
            "timeline",
            "--request",
            "loan-service:r-1",
            "--jdbc-url",
            jdbc,
            "--timeout-seconds",
            "3");

    assertThat(run.code()).isEqualTo(ExitCodes.CONNECTION);
    assertThat(run.err()).contains("cannot reach PostgreSQL at " + jdbc);
  }

  /** A port that was free a moment ago; nothing listens on it. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
