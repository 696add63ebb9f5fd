package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.WorkerDeadLetters.Letter;
import io.facecheck.ops.console.FakeTicker;
import io.facecheck.ops.console.ScriptedTerminal;
import io.facecheck.ops.console.Terminal;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dlt replay} of many records against the real broker and database: paced by {@code --rate}
 * on the ticker (a fake one here, so the pacing is measured exactly and takes no wall time), and
 * confirmed first: refused without a terminal unless {@code --yes}, declined or accepted on one.
 * Each test replays its own reason from its own {@code --since}.
 */
class PacedReplayIT {

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

  /** Parked verifications and their request dead letters, all with {@code reason}. */
  private static List<Letter> parked(int n, DeadLetterReason reason, List<Verification> into)
      throws Exception {
    List<Letter> letters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String requestId = "paced-" + UUID.randomUUID();
      into.add(verifications.deadLettered(requestId, reason));
      letters.add(deadLetters.ofRequest(requestId, reason));
    }
    return letters;
  }

  private static String since() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  @Test
  void aReplayIsPacedAtTheRateNotSentInOneBurst() throws Exception {
    String since = since();
    List<Verification> parked = new ArrayList<>();
    List<Letter> letters = parked(5, DeadLetterReason.TOO_LARGE, parked);
    FakeTicker ticker = new FakeTicker();

    Run run =
        ops.with(Terminal.none(), ticker)
            .run(
                "dlt",
                "replay",
                "--reason",
                "TOO_LARGE",
                "--since",
                since,
                "--rate",
                "10/s",
                "--yes");

    assertThat(run.code()).as(run.err()).isZero();
    for (Letter letter : letters) {
      assertThat(run.line(letter.coordinates())).startsWith("replayed");
    }
    // 5 records at 10/s: the first at once, each next one 100 ms after the one before
    assertThat(ticker.sleeps()).hasSize(4).allSatisfy(n -> assertThat(n).isEqualTo(100_000_000L));
    assertThat(ticker.slept()).isEqualTo(Duration.ofMillis(400));
    assertThat(parked).allSatisfy(v -> assertThat(verifications.store.replayRequested(v)).isTrue());
    run.assertNoIdentity();
  }

  @Test
  void aBulkReplayWithoutATerminalAndWithoutYesIsRefusedAndChangesNothing() throws Exception {
    String since = since();
    List<Verification> parked = new ArrayList<>();
    List<Letter> letters = parked(2, DeadLetterReason.UNSTORABLE, parked);
    Map<TopicPartition, Long> ends = ends(letters);

    Run run = ops.run("dlt", "replay", "--reason", "UNSTORABLE", "--since", since);

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("would publish 2 dead letters")
        .contains("no terminal to confirm on")
        .contains("--yes");
    assertThat(run.out()).isEmpty();
    assertThat(ends(letters)).isEqualTo(ends);
    assertThat(parked)
        .allSatisfy(v -> assertThat(verifications.store.replayRequested(v)).isFalse());
  }

  @Test
  void onATerminalTheCountsAreShownAndOnlyAYesReplays() throws Exception {
    String since = since();
    List<Verification> parked = new ArrayList<>();
    List<Letter> letters = parked(2, DeadLetterReason.UNKNOWN_SCHEMA_VERSION, parked);
    Map<TopicPartition, Long> ends = ends(letters);
    String[] replay = {"dlt", "replay", "--reason", "UNKNOWN_SCHEMA_VERSION", "--since", since};

    ScriptedTerminal no = new ScriptedTerminal("n");
    Run declined = ops.with(no, new FakeTicker()).run(replay);

    assertThat(declined.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(no.asked()).containsExactly("Replay 2 dead letters? [y/N] ");
    assertThat(declined.err())
        .contains("dlt replay would publish 2 dead letters at 100/s")
        .containsPattern(Topics.REQUESTS_DLT + " +UNKNOWN_SCHEMA_VERSION +2")
        .contains("declined: nothing replayed");
    assertThat(ends(letters)).isEqualTo(ends);
    assertThat(parked)
        .allSatisfy(v -> assertThat(verifications.store.replayRequested(v)).isFalse());

    Run accepted = ops.with(new ScriptedTerminal("y"), new FakeTicker()).run(replay);

    assertThat(accepted.code()).as(accepted.err()).isZero();
    for (Letter letter : letters) {
      assertThat(accepted.line(letter.coordinates())).startsWith("replayed");
    }
    assertThat(parked).allSatisfy(v -> assertThat(verifications.store.replayRequested(v)).isTrue());
  }

  @Test
  void aDryRunOfManyNeedsNoConfirmationAndPrintsTheCounts() throws Exception {
    String since = since();
    List<Letter> letters = parked(3, DeadLetterReason.INVALID_REQUEST, new ArrayList<>());
    Map<TopicPartition, Long> ends = ends(letters);

    Run run =
        ops.run("dlt", "replay", "--reason", "INVALID_REQUEST", "--since", since, "--dry-run");

    assertThat(run.code()).as(run.err()).isZero();
    for (Letter letter : letters) {
      assertThat(run.line(letter.coordinates())).startsWith("would replay");
    }
    assertThat(run.err()).containsPattern(Topics.REQUESTS_DLT + " +INVALID_REQUEST +3");
    assertThat(ends(letters)).isEqualTo(ends);
  }

  private static Map<TopicPartition, Long> ends(List<Letter> letters) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    for (Letter letter : letters) {
      TopicPartition tp = new TopicPartition(Topics.REQUESTS, letter.originalPartition());
      ends.put(tp, WorkerDeadLetters.endOffset(tp));
    }
    return ends;
  }
}
