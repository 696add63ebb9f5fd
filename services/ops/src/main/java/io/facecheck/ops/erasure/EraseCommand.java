package io.facecheck.ops.erasure;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.ops.connection.ConnectionOptions;
import io.facecheck.ops.connection.ConnectionSettings;
import io.facecheck.ops.connection.Database;
import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Output;
import io.facecheck.ops.console.OutputOptions;
import io.facecheck.ops.deadletter.ReplayRequests;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.ops.lookup.VerificationLookup;
import io.facecheck.statemachine.ErasureOutcome;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code erase}: a data subject asked for their data to be deleted. The verification's sealed
 * identity is erased now (not after the retention period), with a timeline note naming who ran it,
 * for whom and why. A verification still in flight is refused (exit 3) and left as it is: its
 * identity is still in use (retry topics, the call to Alipay, a dead letter a replay sends again),
 * so an erasure now would be a promise the system cannot keep (docs/data-retention.md says what to
 * do instead).
 */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = {
      "Erases a final verification's sealed cert_name and cert_no now (a data-subject request),"
          + " recording who and why in its timeline (IDENTITY_ERASED). Status, ids and timeline"
          + " stay.",
      "A verification not final yet is refused with exit code 3 (refused) and left untouched."
    })
public final class EraseCommand implements Callable<Integer> {

  static final int MAX_TEXT = 500;

  private final OpsContext context;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Mixin VerificationLookup target;

  @Mixin OutputOptions output;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "why, for the audit, e.g. a ticket: \"DSR-2026-0117 deletion request\"")
  String reason;

  @Option(
      names = "--requested-by",
      paramLabel = "WHO",
      description = "on whose behalf (a team, a DPO, a client system); never the person's name")
  String requestedBy;

  public EraseCommand(OpsContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    target.check();
    requireAuditText("--reason", reason);
    if (requestedBy != null) {
      requireAuditText("--requested-by", requestedBy);
    }
    Output output = this.output.output(context);
    ConnectionSettings settings = connection.resolve(context.env());
    VerificationStore store = Database.store(settings, context.clock());
    Optional<Verification> found = target.find(store);
    if (found.isEmpty()) {
      return output.fail(ExitCodes.NOT_FOUND, "no verification " + target.describe());
    }
    Verification v = found.get();
    ErasureOutcome outcome =
        Database.identityErasure(settings, context.clock())
            .erase(v.id(), ReplayRequests.source(), details());
    String name = v.id() + " (" + v.clientId() + ":" + v.requestId() + ")";
    String text;
    String result;
    Instant at = null;
    if (outcome instanceof ErasureOutcome.Erased erased) {
      result = "erased";
      at = erased.at();
      text =
          "erased          "
              + name
              + " "
              + v.status()
              + ": cert_name, cert_no and their key id removed; timeline note IDENTITY_ERASED";
    } else if (outcome instanceof ErasureOutcome.AlreadyErased already) {
      result = "already_erased";
      at = already.at();
      text = "already erased  " + name + " at " + already.at() + ": nothing left to erase";
    } else if (outcome instanceof ErasureOutcome.NothingSealed) {
      result = "nothing_sealed";
      text = "nothing sealed  " + name + ": rejected at receipt, it never held an identity";
    } else if (outcome instanceof ErasureOutcome.InFlight inFlight) {
      return output.fail(ExitCodes.REFUSED, InFlightAdvice.refusal(v, inFlight.status()));
    } else {
      return output.fail(ExitCodes.NOT_FOUND, "no verification " + v.id());
    }
    if (output.json()) {
      output.record(json(v, result, at));
    } else {
      output.text(text);
    }
    output.flush();
    return ExitCodes.OK;
  }

  /** {@code erase --json}: what came of it, the verification's ids and status; no identity. */
  static Map<String, Object> json(Verification v, String outcome, Instant at) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("outcome", outcome);
    json.put("verification_id", v.id().toString());
    json.put("client_id", v.clientId());
    json.put("request_id", v.requestId());
    json.put("status", v.status().name());
    json.put("erased_at", at == null ? null : at.toString());
    return json;
  }

  private Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("reason", reason.strip());
    if (requestedBy != null) {
      details.put("requested_by", requestedBy.strip());
    }
    details.put("kind", "data-subject request");
    return details;
  }

  /** The audit note must not become a copy of what is being erased. */
  private void requireAuditText(String option, String text) {
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw new ParameterException(
          spec.commandLine(), option + " is 1 to " + MAX_TEXT + " characters");
    }
    if (!ResidentIdNumber.maskWithin(text).equals(text)) {
      throw new ParameterException(
          spec.commandLine(),
          option + " looks like it holds an ID number: the audit trail must not keep one");
    }
  }
}
