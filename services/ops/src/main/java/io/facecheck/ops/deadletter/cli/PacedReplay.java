package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.console.Progress;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.deadletter.kafka.RecordPublisher;
import io.facecheck.ops.pacing.Pacer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes a replay's steps at the pacer's rate, reporting each outcome in order as its send
 * completes. A send that fails is reported and the others go on; once a send cannot even be handed
 * to the producer (the broker is gone: each further one would wait its full timeout), the rest are
 * reported as not sent. Their verifications keep their replay request and stay DEAD_LETTERED, so
 * running the replay again sends them.
 */
final class PacedReplay {

  private record Pending(ReplayPlan.Step step, Future<RecordMetadata> sent) {}

  private final RecordPublisher publisher;
  private final Pacer pacer;
  private final Progress progress;
  private final Consumer<ReplayOutcome> report;
  private final List<ReplayOutcome> outcomes = new ArrayList<>();

  PacedReplay(
      RecordPublisher publisher, Pacer pacer, Progress progress, Consumer<ReplayOutcome> report) {
    this.publisher = publisher;
    this.pacer = pacer;
    this.progress = progress;
    this.report = report;
  }

  List<ReplayOutcome> run(List<ReplayPlan.Step> steps) {
    long publishing = steps.stream().filter(ReplayPlan.Step::publishes).count();
    Deque<Pending> pending = new ArrayDeque<>();
    ConnectionFailure stopped = null;
    try (Progress.Phase phase = progress.begin("replaying dead letters", publishing)) {
      for (ReplayPlan.Step step : steps) {
        if (!step.publishes()) {
          pending.add(new Pending(step, null));
        } else if (stopped != null) {
          pending.add(new Pending(step, null));
        } else {
          pacer.acquire();
          try {
            pending.add(
                new Pending(
                    step, publisher.publish(step.candidate().record(), step.targetTopic())));
          } catch (ConnectionFailure e) {
            stopped = e;
            pending.add(new Pending(step, null));
          }
          phase.step();
        }
        drainCompleted(pending, stopped);
      }
      while (!pending.isEmpty()) {
        settle(pending.poll(), stopped);
      }
    }
    return outcomes;
  }

  /** Reports the head of the queue while its sends are done, so output streams in order. */
  private void drainCompleted(Deque<Pending> pending, ConnectionFailure stopped) {
    while (!pending.isEmpty()
        && (pending.peek().sent() == null || pending.peek().sent().isDone())) {
      settle(pending.poll(), stopped);
    }
  }

  private void settle(Pending p, ConnectionFailure stopped) {
    ReplayOutcome outcome;
    if (!p.step().publishes()) {
      outcome = ReplayOutcome.skipped(p.step());
    } else if (p.sent() == null) {
      outcome =
          new ReplayOutcome(
              p.step(),
              ReplayOutcome.Action.NOT_SENT,
              null,
              "an earlier send failed: " + (stopped == null ? "?" : stopped.getMessage()));
    } else {
      try {
        RecordMetadata landed = publisher.await(p.sent());
        outcome =
            new ReplayOutcome(
                p.step(),
                ReplayOutcome.Action.REPLAYED,
                landed.topic() + "/" + landed.partition() + "@" + landed.offset(),
                null);
      } catch (ConnectionFailure e) {
        outcome = new ReplayOutcome(p.step(), ReplayOutcome.Action.FAILED, null, e.getMessage());
      }
    }
    outcomes.add(outcome);
    report.accept(outcome);
  }
}
