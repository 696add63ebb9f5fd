package io.facecheck.ops.resume;

import io.facecheck.ops.ExitCodes;
import io.facecheck.ops.OpsContext;
import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.deadletter.ReplayRequests;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code resume}: a verification parked while it waited for its user (e.g. its final queries went
 * unanswered) may have no dead letter to replay, because nothing of it is on a dead-letter topic.
 * This records the replay request in PostgreSQL; the reconciler resumes it and queries at once. A
 * verification parked before its certify URL needs its request again: {@code dlt replay}.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Asks the reconciler to resume a DEAD_LETTERED verification that was waiting for its user:"
          + " it goes back to AWAITING_USER and is queried at once.",
      "One parked before its certify URL was issued is resumed by replaying its dead letter"
          + " (dlt replay) instead."
    })
public final class ResumeCommand implements Callable<Integer> {

  private final OpsContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "VERIFICATION_ID")
  String verificationId;

  public ResumeCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    UUID id = uuid(verificationId);
    VerificationStore store = Database.store(connection.resolve(context.env()), context.clock());
    Optional<Verification> found = store.find(id);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (found.isEmpty()) {
      err.println("no verification " + id);
      return ExitCodes.NOT_FOUND;
    }
    Verification v = found.get();
    if (v.status() != VerificationStatus.DEAD_LETTERED) {
      err.println(
          "verification " + id + " is " + v.status() + ", not DEAD_LETTERED: nothing to do");
      return ExitCodes.NOT_FOUND;
    }
    if (v.deadLetter().left() != VerificationStatus.AWAITING_USER) {
      err.println(
          "verification "
              + id
              + " left "
              + v.deadLetter().left()
              + ": replay its request's dead letter instead (facecheck-ops dlt replay)");
      return ExitCodes.NOT_FOUND;
    }
    if (!store.requestReplay(id, v.version(), ReplayRequests.source())) {
      err.println("verification " + id + " moved on meanwhile: look at its timeline");
      return ExitCodes.NOT_FOUND;
    }
    out.println(
        "resume requested  "
            + id
            + " (DEAD_LETTERED, reason "
            + v.deadLetter().reason()
            + "): the reconciler resumes it and queries Alipay at once");
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
