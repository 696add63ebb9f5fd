package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.ExitCodes;
import io.facecheck.ops.OpsContext;
import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.deadletter.DeadLetterFilter;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.deadletter.ReplayRequests;
import io.facecheck.ops.deadletter.VerificationFinder;
import io.facecheck.ops.deadletter.kafka.DeadLetterTopicReader;
import io.facecheck.ops.deadletter.kafka.ReplayPublisher;
import io.facecheck.statemachine.VerificationStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
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
      "Give TOPIC PARTITION OFFSET for one record, or --reason for all records with that reason."
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

  ReplayCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    validate();
    ConnectionSettings settings = connection.resolve(context.env());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<DeadLetterRecord> records = read(settings);
    if (records.isEmpty()) {
      err.println(
          topic != null
              ? "no record at " + topic + "/" + partition + "@" + offset
              : "no dead letters with reason " + reason);
      return ExitCodes.NOT_FOUND;
    }
    VerificationStore store = Database.store(settings, context.clock());
    VerificationFinder finder = new VerificationFinder(store);
    List<ReplayPlan.Candidate> candidates = new ArrayList<>();
    for (DeadLetterRecord record : records) {
      candidates.add(
          new ReplayPlan.Candidate(record, finder.find(record, RecordValue.of(record.value()))));
    }
    List<ReplayPlan.Step> steps = ReplayPlan.of(candidates);
    int published;
    if (dryRun) {
      published = preview(steps, out);
    } else {
      // the database first: a record on the topic alone never resumes a dead-lettered
      // verification, and a crash before publishing leaves it parked, to be replayed again
      new ReplayRequests(store, ReplayRequests.source()).request(steps);
      published = publish(steps, settings, out);
    }
    out.flush();
    if (published == 0) {
      err.println("nothing replayed");
      return ExitCodes.NOT_FOUND;
    }
    return ExitCodes.OK;
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

  private List<DeadLetterRecord> read(ConnectionSettings settings) {
    try (DeadLetterTopicReader reader = new DeadLetterTopicReader(settings)) {
      if (topic != null) {
        return reader.readOne(topic, partition, offset).stream().toList();
      }
      DeadLetterFilter filter =
          new DeadLetterFilter(reason, since == null ? null : since.cutoff(context.clock()));
      return reader.readAll(topics.topics()).stream().filter(filter::matches).toList();
    }
  }

  private static int preview(List<ReplayPlan.Step> steps, PrintWriter out) {
    int count = 0;
    for (ReplayPlan.Step step : steps) {
      if (step.publishes()) {
        out.println(
            "would replay  "
                + ReplayLines.source(step)
                + " -> "
                + step.targetTopic()
                + "  "
                + ReplayLines.about(step));
        count++;
      } else {
        out.println(ReplayLines.skipped(step));
      }
    }
    return count;
  }

  private static int publish(
      List<ReplayPlan.Step> steps, ConnectionSettings settings, PrintWriter out) {
    try (ReplayPublisher publisher = new ReplayPublisher(settings)) {
      // send them all, then wait: one round trip for the batch, not one per record
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ReplayPlan.Step step : steps) {
        sent.add(
            step.publishes()
                ? publisher.publish(step.candidate().record(), step.targetTopic())
                : null);
      }
      int count = 0;
      for (int i = 0; i < steps.size(); i++) {
        ReplayPlan.Step step = steps.get(i);
        if (sent.get(i) == null) {
          out.println(ReplayLines.skipped(step));
          continue;
        }
        RecordMetadata landed = publisher.await(sent.get(i));
        out.println(
            "replayed      "
                + ReplayLines.source(step)
                + " -> "
                + landed.topic()
                + "/"
                + landed.partition()
                + "@"
                + landed.offset()
                + "  "
                + ReplayLines.about(step));
        count++;
      }
      return count;
    }
  }
}
