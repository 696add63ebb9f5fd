package io.facecheck.ops.lookup;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The verification a command names: {@code VERIFICATION_ID}, or {@code --request
 * CLIENT_ID:REQUEST_ID}. A picocli mixin, so every command reads and checks them the same way.
 */
public final class VerificationLookup {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "VERIFICATION_ID")
  String verificationId;

  @Option(
      names = "--request",
      paramLabel = "CLIENT_ID:REQUEST_ID",
      description = "find it by the caller's ids instead")
  String request;

  /** Refuses malformed arguments as a usage error, before anything connects. */
  public void check() {
    if ((verificationId == null) == (request == null)) {
      throw usage("give either VERIFICATION_ID or --request CLIENT_ID:REQUEST_ID");
    }
    if (verificationId != null) {
      id();
    } else {
      colon();
    }
  }

  public Optional<Verification> find(VerificationStore store) {
    check();
    if (verificationId != null) {
      return store.find(id());
    }
    int colon = colon();
    return store.findByRequest(request.substring(0, colon), request.substring(colon + 1));
  }

  /** What was asked for, for a "not found" message. */
  public String describe() {
    return verificationId != null ? verificationId : "for request " + request;
  }

  private UUID id() {
    try {
      return UUID.fromString(verificationId);
    } catch (IllegalArgumentException e) {
      throw usage("not a verification id: " + verificationId);
    }
  }

  private int colon() {
    int colon = request.indexOf(':');
    if (colon < 1 || colon == request.length() - 1) {
      throw usage("--request is CLIENT_ID:REQUEST_ID");
    }
    return colon;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
