package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.OutputOptions;
import io.facecheck.ops.console.Progress;
import io.facecheck.ops.deadletter.DeadLetterFilter;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.ReplayConfirmation;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.deadletter.ReplayRequests;
import io.facecheck.ops.deadletter.VerificationFinder;
import io.facecheck.ops.deadletter.kafka.DeadLetterTopicReader;
import io.facecheck.ops.deadletter.kafka.ReplayPublisher;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.ops.pacing.Pacer;
import io.facecheck.ops.pacing.Rate;
import io.facecheck.statemachine.VerificationStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlt replay}: dead letters back onto the topic they were first consumed from. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes dead letters back to their facecheck-original-topic with the same key, value and"
          + " headers (less the facecheck-* diagnostics), so the worker resumes the verification.",
      "First records in PostgreSQL that ops asked to resume each dead-lettered verification:"
          + " without that, a record reappearing on a topic resumes nothing.",
      "Skips records without that header, records whose verification is already final, and"
          + " earlier dead letters of a verification replayed in the same run.",
      "Give TOPIC PARTITION OFFSET for one record, or --reason for all records with that reason.",
      "Paced at --rate (default "
          + Rate.DEFAULT
          + "). More than one record is confirmed on the terminal first (how many per topic and"
          + " reason), or with --yes; without a terminal and without --yes it is refused (exit 2)."
    })
final class ReplayCommand implements Callable<Integer> {

  private final OpsContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TOPIC")
  String topic;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PARTITION")
  Integer partition;

  @Parameters(index = "2", arity = "0..1", paramLabel = "OFFSET")
  Long offset;

  @Option(
      names = "--reason",
      paramLabel = "CODE",
      converter = ReasonConverter.class,
      description = "replay every dead letter with this facecheck-reason")
  String reason;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = "all",
      converter = TopicSelection.Converter.class,
      description = "with --reason: one of " + TopicSelection.CHOICES + " (default all)")
  TopicSelection topics;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      converter = Since.Converter.class,
      description = "with --reason: only records dead-lettered since then")
  Since since;

  @Option(names = "--dry-run", description = "print what would be replayed; publish nothing")
  boolean dryRun;

  @Option(
      names = "--rate",
      paramLabel = "N/s",
      defaultValue = Rate.DEFAULT,
      converter = RateConverter.class,
      description = "at most N records per second: 50/s, 50, 600/m (default " + Rate.DEFAULT + ")")
  Rate rate;

  @Option(
      names = {"-y", "--yes"},
      description = "replay more than one record without asking (needed when there is no terminal)")
  boolean yes;

  @Mixin OutputOptions output;

  ReplayCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    validate();
    Output output = this.output.output(context);
    ConnectionSettings settings = connection.resolve(context.env());
    List<DeadLetterRecord> records = read(settings, output);
    if (records.isEmpty()) {
      return output.fail(
          ExitCodes.NOT_FOUND,
          topic != null
              ? "no record at " + topic + "/" + partition + "@" + offset
              : "no dead letters with reason " + reason);
    }
    VerificationStore store = Database.store(settings, context.clock());
    List<ReplayPlan.Step> steps = ReplayPlan.of(candidates(records, store, output));
    ReplayConfirmation.Verdict verdict =
        ReplayConfirmation.decide(steps, yes, dryRun, rate, context.terminal(), output::notice);
    if (verdict == ReplayConfirmation.Verdict.NEEDS_YES) {
      return output.fail(ExitCodes.USAGE, ReplayConfirmation.needsYes(steps));
    }
    if (verdict == ReplayConfirmation.Verdict.DECLINED) {
      return output.fail(ExitCodes.REFUSED, "declined: nothing replayed");
    }
    List<ReplayOutcome> outcomes;
    if (dryRun) {
      outcomes = steps.stream().map(ReplayCommand::preview).toList();
      outcomes.forEach(outcome -> show(output, outcome));
      if (steps.stream().filter(ReplayPlan.Step::publishes).count() > 1) {
        ReplayConfirmation.summary(steps, rate).forEach(output::notice);
      }
    } else {
      // the database first: a record on the topic alone never resumes a dead-lettered
      // verification, and a crash before publishing leaves it parked, to be replayed again
      new ReplayRequests(store, ReplayRequests.source()).request(steps);
      try (ReplayPublisher publisher = new ReplayPublisher(settings)) {
        outcomes =
            new PacedReplay(
                    publisher,
                    new Pacer(rate, context.ticker()),
                    output.progress(),
                    outcome -> show(output, outcome))
                .run(steps);
      }
    }
    output.flush();
    return exitCode(outcomes, output);
  }

  /** OK when every send landed; PARTIAL when some did and some not; CONNECTION when none did. */
  static int exitCode(List<ReplayOutcome> outcomes, Output output) {
    long done = count(outcomes, ReplayOutcome.Action.REPLAYED, ReplayOutcome.Action.WOULD_REPLAY);
    long failed = count(outcomes, ReplayOutcome.Action.FAILED, ReplayOutcome.Action.NOT_SENT);
    if (failed > 0 && done > 0) {
      return output.fail(
          ExitCodes.PARTIAL,
          "partial: "
              + done
              + " replayed, "
              + failed
              + " not; those stay DEAD_LETTERED: replay them again by their coordinates");
    }
    if (failed > 0) {
      return output.fail(ExitCodes.CONNECTION, "nothing replayed: " + failed + " sends failed");
    }
    if (done == 0) {
      return output.fail(ExitCodes.NOT_FOUND, "nothing replayed");
    }
    return ExitCodes.OK;
  }

  private static long count(List<ReplayOutcome> outcomes, ReplayOutcome.Action... actions) {
    List<ReplayOutcome.Action> wanted = List.of(actions);
    return outcomes.stream().filter(o -> wanted.contains(o.action())).count();
  }

  private static ReplayOutcome preview(ReplayPlan.Step step) {
    return step.publishes()
        ? new ReplayOutcome(step, ReplayOutcome.Action.WOULD_REPLAY, null, null)
        : ReplayOutcome.skipped(step);
  }

  private static void show(Output output, ReplayOutcome outcome) {
    if (output.json()) {
      output.record(ReplayLines.json(outcome));
    } else {
      output.text(ReplayLines.text(outcome));
    }
  }

  private List<ReplayPlan.Candidate> candidates(
      List<DeadLetterRecord> records, VerificationStore store, Output output) {
    VerificationFinder finder = new VerificationFinder(store);
    List<ReplayPlan.Candidate> candidates = new ArrayList<>();
    try (Progress.Phase phase =
        output.progress().begin("looking up verifications", records.size())) {
      for (DeadLetterRecord record : records) {
        candidates.add(
            new ReplayPlan.Candidate(record, finder.find(record, RecordValue.of(record.value()))));
        phase.step();
      }
    }
    return candidates;
  }

  private void validate() {
    boolean one = topic != null;
    if (one == (reason != null)) {
      throw new ParameterException(
          spec.commandLine(), "give either TOPIC PARTITION OFFSET or --reason CODE");
    }
    if (one && (partition == null || offset == null)) {
      throw new ParameterException(spec.commandLine(), "TOPIC needs PARTITION and OFFSET");
    }
  }

  private List<DeadLetterRecord> read(ConnectionSettings settings, Output output) {
    try (DeadLetterTopicReader reader = new DeadLetterTopicReader(settings, output.progress())) {
      if (topic != null) {
        return reader.readOne(topic, partition, offset).stream().toList();
      }
      DeadLetterFilter filter =
          new DeadLetterFilter(reason, since == null ? null : since.cutoff(context.clock()));
      return reader.readSince(topics.topics(), filter.since()).stream()
          .filter(filter::matches)
          .toList();
    }
  }
}
