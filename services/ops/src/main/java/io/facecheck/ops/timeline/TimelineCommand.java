package io.facecheck.ops.timeline;

import io.facecheck.ops.ExitCodes;
import io.facecheck.ops.OpsContext;
import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.io.PrintWriter;
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

  TimelineCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    target.check();
    VerificationStore store = Database.store(connection.resolve(context.env()), context.clock());
    Optional<Verification> found = target.find(store);
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("no verification " + target.describe());
      return ExitCodes.NOT_FOUND;
    }
    Verification v = found.get();
    PrintWriter out = spec.commandLine().getOut();
    TimelineView.lines(v, store.timeline(v.id())).forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }
}
