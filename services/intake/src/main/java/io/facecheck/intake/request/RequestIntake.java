package io.facecheck.intake.request;

import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import io.facecheck.tracing.LogCorrelation;
import java.util.Optional;

/**
 * Accepts a request over HTTP by the same rules the worker applies to the topic (one {@link
 * RequestParser}), so a client learns of a bad request at once instead of from a REJECTED event.
 *
 * <p>Idempotency: a request already recorded with the same canonical hash is answered from the
 * database and not published again (the worker would drop it anyway); with another hash it is a
 * conflict. A request accepted but not yet recorded by the worker is published again on a retry,
 * and the worker deduplicates it.
 */
public final class RequestIntake {

  private final RequestParser parser;
  private final VerificationLookup verifications;
  private final RequestPublisher publisher;

  public RequestIntake(
      RequestParser parser, VerificationLookup verifications, RequestPublisher publisher) {
    this.parser = parser;
    this.verifications = verifications;
    this.publisher = publisher;
  }

  public IntakeOutcome submit(AuthenticatedClient client, byte[] body) {
    ParseOutcome parsed = parser.parse(body);
    if (parsed instanceof ParseOutcome.Unparseable unparseable) {
      return new IntakeOutcome.Unparseable(unparseable.reason());
    }
    if (parsed instanceof ParseOutcome.Invalid invalid) {
      // a well-formed client_id that is someone else's is refused as such, not described
      return invalid.clientIdOrNull() != null && !invalid.clientIdOrNull().equals(client.clientId())
          ? new IntakeOutcome.ForeignClient()
          : new IntakeOutcome.Invalid(invalid.errors());
    }
    ParseOutcome.Valid valid = (ParseOutcome.Valid) parsed;
    VerificationRequest request = valid.request();
    LogCorrelation.request(client.clientId(), request.requestId());
    if (!request.clientId().equals(client.clientId())) {
      return new IntakeOutcome.ForeignClient();
    }
    Optional<Verification> existing =
        verifications.byRequest(request.clientId(), request.requestId());
    if (existing.isPresent()) {
      return existing.get().submission().requestHash().equals(valid.canonicalHash())
          ? new IntakeOutcome.AlreadyAccepted(existing.get())
          : new IntakeOutcome.Conflict(request.requestId());
    }
    // the original bytes, not a re-serialisation: the worker parses exactly what the client sent
    publisher.publish(request.requestId(), body);
    return new IntakeOutcome.Accepted(request.requestId());
  }
}
