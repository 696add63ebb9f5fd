package io.facecheck.ops.timeline;

import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.OutputOptions;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.ops.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code timeline}: one verification, found by id or by its (client_id, request_id). */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description =
        "A verification's status, ids, expiry and certify_id, then every transition in order"
            + " (from -> to, cause, source, time, details). Never any cert_name or cert_no.")
public final class TimelineCommand implements Callable<Integer> {

  private final OpsContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin VerificationLookup target;

  @Mixin OutputOptions output;

  TimelineCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    target.check();
    Output output = this.output.output(context);
    VerificationStore store = Database.store(connection.resolve(context.env()), context.clock());
    Optional<Verification> found = target.find(store);
    if (found.isEmpty()) {
      return output.fail(ExitCodes.NOT_FOUND, "no verification " + target.describe());
    }
    Verification v = found.get();
    if (output.json()) {
      output.record(TimelineView.json(v, store.timeline(v.id())));
    } else {
      TimelineView.lines(v, store.timeline(v.id())).forEach(output::text);
    }
    output.flush();
    return ExitCodes.OK;
  }
}
