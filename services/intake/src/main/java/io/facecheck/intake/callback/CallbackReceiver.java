package io.facecheck.intake.callback;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Handles the user's browser coming back from Alipay. The token is checked before anything else is
 * looked at, so a forged or expired one costs no database read and publishes nothing. A callback is
 * only a hint (the reconciler queries Alipay for the truth), so one for a verification that is
 * already final is not published: the browser is still sent on.
 */
public final class CallbackReceiver {

  private final CallbackToken tokens;
  private final VerificationLookup verifications;
  private final CallbackPublisher publisher;
  private final Clock clock;
  private final Supplier<UUID> callbackIds;

  public CallbackReceiver(
      CallbackToken tokens,
      VerificationLookup verifications,
      CallbackPublisher publisher,
      Clock clock,
      Supplier<UUID> callbackIds) {
    this.tokens = tokens;
    this.verifications = verifications;
    this.publisher = publisher;
    this.clock = clock;
    this.callbackIds = callbackIds;
  }

  public CallbackOutcome receive(String token) {
    Instant now = clock.instant();
    CallbackToken.Check check = tokens.verify(token, now);
    if (check instanceof CallbackToken.Refused refused) {
      return new CallbackOutcome.Refused(refused.reason());
    }
    CallbackToken.Valid valid = (CallbackToken.Valid) check;
    Optional<Verification> found = verifications.byId(valid.verificationId());
    Optional<URI> returnUrl = found.map(v -> v.submission().returnUrl()).map(URI::create);
    if (returnUrl.isEmpty()) {
      return new CallbackOutcome.UnknownVerification();
    }
    boolean publish = !found.get().status().isFinal();
    if (publish) {
      publisher.publish(VerificationCallback.of(callbackIds.get(), valid.verificationId(), now));
    }
    return new CallbackOutcome.Redirect(returnUrl.get(), publish);
  }
}
