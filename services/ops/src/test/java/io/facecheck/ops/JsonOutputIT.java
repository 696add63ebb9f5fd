package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.WorkerDeadLetters.Letter;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json} on every command, against the real broker and database: stdout holds JSON lines
 * and nothing else, stderr JSON objects only, errors with their exit code.
 */
class JsonOutputIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static StoredVerifications verifications;
  private static WorkerDeadLetters deadLetters;
  private static InProcessOps ops;

  @BeforeAll
  static void start() throws Exception {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    WorkerDeadLetters.createTopics();
    deadLetters = new WorkerDeadLetters();
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    deadLetters.close();
  }

  /** Every stdout and stderr line parsed; stdout's returned. */
  private static List<JsonNode> jsonLines(Run run) {
    run.err().lines().forEach(line -> assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
    run.assertNoIdentity();
    return run.out().lines().map(JSON::readTree).toList();
  }

  @Test
  void dltListShowAndReplayWriteJsonLines() {
    String requestId = "json-" + UUID.randomUUID();
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);
    Letter letter = deadLetterOf(requestId);
    String[] at = {letter.topic(), "" + letter.partition(), "" + letter.offset()};

    List<JsonNode> list =
        jsonLines(
            ops.run(
                "dlt",
                "list",
                "--json",
                "--topic",
                Topics.REQUESTS_DLT,
                "--since",
                "1h",
                "--limit",
                "100000"));
    assertThat(list)
        .anySatisfy(row -> assertThat(row.get("request_id").asString()).isEqualTo(requestId));

    List<JsonNode> show = jsonLines(ops.run("dlt", "show", at[0], at[1], at[2], "--json"));
    assertThat(show)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("dlt_offset").asLong()).isEqualTo(letter.offset());
              assertThat(s.get("verification").get("id").asString())
                  .isEqualTo(parked.id().toString());
              assertThat(s.get("value_masked").get("request_id").asString()).isEqualTo(requestId);
            });

    List<JsonNode> dry =
        jsonLines(ops.run("dlt", "replay", at[0], at[1], at[2], "--dry-run", "--json"));
    assertThat(dry)
        .singleElement()
        .satisfies(s -> assertThat(s.get("action").asString()).isEqualTo("would_replay"));

    Run replayRun = ops.run("dlt", "replay", at[0], at[1], at[2], "--json");
    assertThat(replayRun.code()).as(replayRun.err()).isZero();
    assertThat(jsonLines(replayRun))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("action").asString()).isEqualTo("replayed");
              assertThat(s.get("landed_at").asString()).startsWith(Topics.REQUESTS + "/");
              assertThat(s.get("verification_id").asString()).isEqualTo(parked.id().toString());
            });
  }

  @Test
  void timelineResumeAndEraseWriteOneJsonObject() {
    Verification waiting =
        verifications.parkedWhileAwaitingUser(
            "json-r-" + UUID.randomUUID(), "FINAL_QUERY_UNANSWERED");
    Verification rejected = verifications.rejected("json-e-" + UUID.randomUUID());

    Run timeline = ops.run("timeline", waiting.id().toString(), "--json");
    assertThat(timeline.code()).isZero();
    assertThat(jsonLines(timeline))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.get("status").asString()).isEqualTo("DEAD_LETTERED");
              assertThat(t.get("transitions").size()).isGreaterThanOrEqualTo(4);
            });

    Run resume = ops.run("resume", waiting.id().toString(), "--json");
    assertThat(resume.code()).isZero();
    assertThat(jsonLines(resume))
        .singleElement()
        .satisfies(r -> assertThat(r.get("action").asString()).isEqualTo("resume_requested"));

    Run erase =
        ops.run(
            "erase",
            "--request",
            StoredVerifications.CLIENT_ID + ":" + rejected.requestId(),
            "--reason",
            "DSR-1",
            "--json");
    assertThat(erase.code()).as(erase.err()).isZero();
    assertThat(jsonLines(erase))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("verification_id").asString()).isEqualTo(rejected.id().toString());
              assertThat(e.get("outcome").asString()).isIn("erased", "nothing_sealed");
            });
  }

  @Test
  void errorsAreJsonOnStderrWithTheExitCodeAndStdoutStaysEmpty() {
    Verification inFlight = verifications.awaitingUser("json-f-" + UUID.randomUUID());

    Run notFound = ops.run("timeline", UUID.randomUUID().toString(), "--json");
    Run refused = ops.run("erase", inFlight.id().toString(), "--reason", "DSR-2", "--json");
    Run noRecord = ops.run("dlt", "show", Topics.REQUESTS_DLT, "0", "999999999", "--json");

    for (Run run : List.of(notFound, refused, noRecord)) {
      assertThat(run.out()).isEmpty();
      jsonLines(run);
      JsonNode error = JSON.readTree(run.err().lines().reduce((a, b) -> b).orElseThrow());
      assertThat(error.get("type").asString()).isEqualTo("error");
      assertThat(error.get("exit_code").asInt()).isEqualTo(run.code());
    }
    assertThat(notFound.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(noRecord.code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  private static Letter deadLetterOf(String requestId) {
    try {
      return deadLetters.ofRequest(requestId, DeadLetterReason.PROVIDER_CONFIG);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
