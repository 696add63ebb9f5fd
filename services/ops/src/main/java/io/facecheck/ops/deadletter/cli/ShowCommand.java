package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.OutputOptions;
import io.facecheck.ops.deadletter.DeadLetterDetails;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.VerificationFinder;
import io.facecheck.ops.deadletter.kafka.DeadLetterTopicReader;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dlt show}: one dead letter, every header, the masked value. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "One dead letter: all its headers, its key, the verification it concerns and its value"
            + " with cert_name and cert_no masked.")
final class ShowCommand implements Callable<Integer> {

  private final OpsContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "the dead-letter topic")
  String topic;

  @Parameters(index = "1", paramLabel = "PARTITION")
  int partition;

  @Parameters(index = "2", paramLabel = "OFFSET")
  long offset;

  ShowCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Output output = this.output.output(context);
    ConnectionSettings settings = connection.resolve(context.env());
    Optional<DeadLetterRecord> found;
    try (DeadLetterTopicReader reader = new DeadLetterTopicReader(settings, output.progress())) {
      found = reader.readOne(topic, partition, offset);
    }
    if (found.isEmpty()) {
      return output.fail(
          ExitCodes.NOT_FOUND, "no record at " + topic + "/" + partition + "@" + offset);
    }
    DeadLetterRecord record = found.get();
    RecordValue value = RecordValue.of(record.value());
    VerificationFinder finder = new VerificationFinder(Database.store(settings, context.clock()));
    Optional<Verification> verification = finder.find(record, value);
    if (output.json()) {
      output.record(DeadLetterDetails.json(record, value, verification));
    } else {
      DeadLetterDetails.lines(record, value, verification).forEach(output::text);
    }
    output.flush();
    return ExitCodes.OK;
  }
}
