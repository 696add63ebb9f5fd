package io.facecheck.ops.timeline;

import io.facecheck.ops.ExitCodes;
import io.facecheck.ops.OpsContext;
import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.Database;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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

  @Parameters(index = "0", arity = "0..1", paramLabel = "VERIFICATION_ID")
  String verificationId;

  @Option(
      names = "--request",
      paramLabel = "CLIENT_ID:REQUEST_ID",
      description = "find it by the caller's ids instead")
  String request;

  TimelineCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if ((verificationId == null) == (request == null)) {
      throw new ParameterException(
          spec.commandLine(), "give either VERIFICATION_ID or --request CLIENT_ID:REQUEST_ID");
    }
    UUID id = verificationId == null ? null : uuid(verificationId);
    int colon = request == null ? -1 : request.indexOf(':');
    if (request != null && (colon < 1 || colon == request.length() - 1)) {
      throw new ParameterException(spec.commandLine(), "--request is CLIENT_ID:REQUEST_ID");
    }
    VerificationStore store = Database.store(connection.resolve(context.env()), context.clock());
    Optional<Verification> found =
        id != null
            ? store.find(id)
            : store.findByRequest(request.substring(0, colon), request.substring(colon + 1));
    if (found.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("no verification " + (id != null ? id : "for request " + request));
      return ExitCodes.NOT_FOUND;
    }
    Verification v = found.get();
    PrintWriter out = spec.commandLine().getOut();
    TimelineView.lines(v, store.timeline(v.id())).forEach(out::println);
    out.flush();
    return ExitCodes.OK;
  }

  private UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "not a verification id: " + text);
    }
  }
}
