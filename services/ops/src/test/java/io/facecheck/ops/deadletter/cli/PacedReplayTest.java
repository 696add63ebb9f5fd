package io.facecheck.ops.deadletter.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.console.FakeTicker;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.Progress;
import io.facecheck.ops.console.Terminal;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.deadletter.kafka.RecordPublisher;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.ops.pacing.Pacer;
import io.facecheck.ops.pacing.Rate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The publishing loop of {@code dlt replay}: pacing, failures and the exit code they make. */
class PacedReplayTest {

  private final FakeTicker ticker = new FakeTicker();
  private final StringWriter err = new StringWriter();
  private final List<ReplayOutcome> reported = new ArrayList<>();

  /** Lands every record except those whose offset it was told to fail or refuse. */
  private static final class FakePublisher implements RecordPublisher {
    private final Set<Long> failing;
    private final Set<Long> refusing;
    private final List<Long> handed = new ArrayList<>();

    FakePublisher(Set<Long> failing, Set<Long> refusing) {
      this.failing = failing;
      this.refusing = refusing;
    }

    @Override
    public Future<RecordMetadata> publish(DeadLetterRecord record, String topic) {
      if (refusing.contains(record.offset())) {
        throw new ConnectionFailure("cannot publish to Kafka at b:9092: timed out", null);
      }
      handed.add(record.offset());
      if (failing.contains(record.offset())) {
        return CompletableFuture.failedFuture(new IllegalStateException("not enough replicas"));
      }
      return CompletableFuture.completedFuture(
          new RecordMetadata(new TopicPartition(topic, 0), record.offset(), 0, 0L, 1, 1));
    }

    @Override
    public RecordMetadata await(Future<RecordMetadata> sent) {
      try {
        return sent.get();
      } catch (ExecutionException | InterruptedException e) {
        throw new ConnectionFailure("cannot publish to Kafka at b:9092: " + e.getMessage(), e);
      }
    }
  }

  private static List<ReplayPlan.Step> steps(int n) {
    List<ReplayPlan.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      candidates.add(
          new ReplayPlan.Candidate(
              new DeadLetterRecord(
                  "verification-requests-dlt",
                  0,
                  i,
                  Instant.parse("2026-11-26T10:00:00Z"),
                  ("k" + i).getBytes(UTF_8),
                  ("{\"request_id\":\"r" + i + "\"}").getBytes(UTF_8),
                  List.of(
                      new DeadLetterRecord.Header(
                          DeadLetterHeaders.ORIGINAL_TOPIC,
                          "verification-requests".getBytes(UTF_8)))),
              Optional.empty()));
    }
    return ReplayPlan.of(candidates);
  }

  private List<ReplayOutcome> run(FakePublisher publisher, int n) {
    return new PacedReplay(
            publisher,
            new Pacer(Rate.parse("20/s"), ticker),
            new Progress(new PrintWriter(err, true), Progress.Style.NONE, ticker),
            reported::add)
        .run(steps(n));
  }

  private int exitCode(List<ReplayOutcome> outcomes) {
    Output output =
        new Output(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            false,
            Terminal.none(),
            ticker);
    return ReplayCommand.exitCode(outcomes, output);
  }

  private static List<ReplayOutcome.Action> actions(List<ReplayOutcome> outcomes) {
    return outcomes.stream().map(ReplayOutcome::action).toList();
  }

  @Test
  void everyRecordLandsInOrderPacedAtTheRate() {
    List<ReplayOutcome> outcomes = run(new FakePublisher(Set.of(), Set.of()), 4);

    assertThat(actions(outcomes)).containsOnly(ReplayOutcome.Action.REPLAYED).hasSize(4);
    assertThat(reported).isEqualTo(outcomes);
    assertThat(outcomes.get(2).landedAt()).isEqualTo("verification-requests/0@2");
    assertThat(ticker.sleeps()).containsExactly(50_000_000L, 50_000_000L, 50_000_000L);
    assertThat(exitCode(outcomes)).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aFailedSendIsReportedTheOthersGoOnAndTheRunIsPartial() {
    List<ReplayOutcome> outcomes = run(new FakePublisher(Set.of(1L), Set.of()), 3);

    assertThat(actions(outcomes))
        .containsExactly(
            ReplayOutcome.Action.REPLAYED,
            ReplayOutcome.Action.FAILED,
            ReplayOutcome.Action.REPLAYED);
    assertThat(outcomes.get(1).detail()).contains("not enough replicas");
    assertThat(exitCode(outcomes)).isEqualTo(ExitCodes.PARTIAL);
    assertThat(err.toString())
        .contains("partial: 2 replayed, 1 not")
        .contains("replay them again by their coordinates");
  }

  @Test
  void onceTheProducerCannotTakeARecordTheRestAreNotSentInsteadOfEachWaitingItsTimeout() {
    FakePublisher publisher = new FakePublisher(Set.of(), Set.of(1L));

    List<ReplayOutcome> outcomes = run(publisher, 4);

    assertThat(publisher.handed).containsExactly(0L);
    assertThat(actions(outcomes))
        .containsExactly(
            ReplayOutcome.Action.REPLAYED,
            ReplayOutcome.Action.NOT_SENT,
            ReplayOutcome.Action.NOT_SENT,
            ReplayOutcome.Action.NOT_SENT);
    assertThat(outcomes.get(3).detail()).contains("an earlier send failed").contains("timed out");
    assertThat(exitCode(outcomes)).isEqualTo(ExitCodes.PARTIAL);
  }

  @Test
  void whenNothingLandsItIsAConnectionFailure() {
    List<ReplayOutcome> outcomes = run(new FakePublisher(Set.of(0L, 1L), Set.of()), 2);

    assertThat(exitCode(outcomes)).isEqualTo(ExitCodes.CONNECTION);
  }

  @Test
  void whenEverythingIsSkippedThereIsNothingToDo() {
    assertThat(exitCode(List.of())).isEqualTo(ExitCodes.NOT_FOUND);
  }
}
