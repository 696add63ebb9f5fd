package io.facecheck.ops.resume;

import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.OutputOptions;
import io.facecheck.ops.deadletter.ReplayRequests;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "VERIFICATION_ID")
  String verificationId;

  public ResumeCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    UUID id = uuid(verificationId);
    Output output = this.output.output(context);
    VerificationStore store = Database.store(connection.resolve(context.env()), context.clock());
    Optional<Verification> found = store.find(id);
    if (found.isEmpty()) {
      return output.fail(ExitCodes.NOT_FOUND, "no verification " + id);
    }
    Verification v = found.get();
    if (v.status() != VerificationStatus.DEAD_LETTERED) {
      return output.fail(
          ExitCodes.NOT_FOUND,
          "verification " + id + " is " + v.status() + ", not DEAD_LETTERED: nothing to do");
    }
    if (v.deadLetter().returnsTo() != VerificationStatus.AWAITING_USER) {
      return output.fail(
          ExitCodes.NOT_FOUND,
          "verification "
              + id
              + " left "
              + v.deadLetter().returnsTo()
              + ": replay its request's dead letter instead (facecheck-ops dlt replay)");
    }
    if (!store.requestReplay(id, v.version(), ReplayRequests.source())) {
      return output.fail(
          ExitCodes.NOT_FOUND, "verification " + id + " moved on meanwhile: look at its timeline");
    }
    if (output.json()) {
      output.record(json(v));
    } else {
      output.text(
          "resume requested  "
              + id
              + " (DEAD_LETTERED, reason "
              + v.deadLetter().reason()
              + "): the reconciler resumes it and queries Alipay at once");
    }
    output.flush();
    return ExitCodes.OK;
  }

  /** {@code resume --json}: the verification whose resume was requested. */
  static Map<String, Object> json(Verification v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("action", "resume_requested");
    json.put("verification_id", v.id().toString());
    json.put("status", v.status().name());
    json.put("dead_letter_reason", v.deadLetter().reason());
    json.put("resumes_to", String.valueOf(v.deadLetter().returnsTo()));
    return json;
  }

  private UUID uuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "not a verification id: " + text);
    }
  }
}
