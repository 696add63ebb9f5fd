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
import io.facecheck.ops.deadletter.DeadLetterRow;
import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.VerificationFinder;
import io.facecheck.ops.deadletter.kafka.DeadLetterTopicReader;
import io.facecheck.ops.exit.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dlt list}: one safe row per dead letter. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "One row per dead letter, oldest first per partition; values are never printed, only safe"
          + " fields (client_id, request_id, biz_code) and the masked error message.",
      "Reads from the beginning, or with --since from each partition's first offset at or after"
          + " that time, without a consumer group: nothing is committed."
    })
final class ListCommand implements Callable<Integer> {

  private final OpsContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      defaultValue = "all",
      converter = TopicSelection.Converter.class,
      description = "one of " + TopicSelection.CHOICES + " (default all)")
  TopicSelection topic;

  @Option(
      names = "--reason",
      paramLabel = "CODE",
      converter = ReasonConverter.class,
      description = "only this facecheck-reason, e.g. PROVIDER_CONFIG")
  String reason;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      converter = Since.Converter.class,
      description =
          "only records dead-lettered since: 2026-11-26T10:00:00Z, 2026-11-26, 30m, 2h, 1d")
  Since since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "at most N rows (default 100)")
  int limit;

  @Mixin OutputOptions output;

  ListCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    Output output = this.output.output(context);
    ConnectionSettings settings = connection.resolve(context.env());
    DeadLetterFilter filter =
        new DeadLetterFilter(reason, since == null ? null : since.cutoff(context.clock()));
    List<DeadLetterRecord> matching;
    try (DeadLetterTopicReader reader = new DeadLetterTopicReader(settings, output.progress())) {
      // --since seeks each partition to its first offset at or after the time (offsetsForTimes);
      // the filter still drops an earlier-stamped record that sits after it
      matching =
          reader.readSince(topic.topics(), filter.since()).stream()
              .filter(filter::matches)
              .toList();
    }
    if (matching.isEmpty()) {
      return output.fail(
          ExitCodes.NOT_FOUND,
          "no dead letters in " + String.join(", ", topic.topics()) + describe(filter));
    }
    VerificationFinder finder = new VerificationFinder(Database.store(settings, context.clock()));
    List<DeadLetterRecord> shown = matching.subList(0, Math.min(limit, matching.size()));
    List<DeadLetterRow> rows = new ArrayList<>();
    try (Progress.Phase phase = output.progress().begin("looking up verifications", shown.size())) {
      for (DeadLetterRecord record : shown) {
        RecordValue value = RecordValue.of(record.value());
        rows.add(DeadLetterRow.of(record, value, finder.find(record, value)));
        phase.step();
      }
    }
    if (output.json()) {
      rows.forEach(row -> output.record(JsonRows.of(row)));
    } else {
      DeadLetterTable.lines(rows).forEach(output::text);
    }
    output.flush();
    if (matching.size() > rows.size()) {
      output.notice(
          rows.size() + " of " + matching.size() + " dead letters shown; raise --limit for more");
    }
    return ExitCodes.OK;
  }

  private static String describe(DeadLetterFilter filter) {
    String text = "";
    if (filter.reason() != null) {
      text += " with reason " + filter.reason();
    }
    if (filter.since() != null) {
      text += " since " + filter.since();
    }
    return text;
  }
}
