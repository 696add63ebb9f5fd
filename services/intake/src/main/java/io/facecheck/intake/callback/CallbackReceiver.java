package io.facecheck.intake.callback;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.intake.lookup.LookupUnavailableException;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.statemachine.Verification;
import io.facecheck.tracing.LogCorrelation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the user's browser coming back from Alipay. The token is checked before anything else is
 * looked at, so a forged or expired one costs no database read, no memory and publishes nothing.
 *
 * <p>A return must not be lost to a PostgreSQL pause (without it a FAILED ends EXPIRED), so a v2
 * token, which carries the business return_url, is published and redirected without any database
 * read. Only a v1 token needs the look-up for its return_url; if PostgreSQL does not answer, the
 * return is still published and the user is told to go back to the app. The look-up also skipped
 * callbacks for final verifications: only an optimisation (the reconciler notes late callbacks),
 * kept where the row is read anyway.
 *
 * <p>A return is published once per verification while its token is valid ({@link RecentReturns}):
 * reloads and replays of the URL redirect again but publish nothing.
 */
public final class CallbackReceiver {

  private static final Logger log = LoggerFactory.getLogger(CallbackReceiver.class);

  private final CallbackToken tokens;
  private final VerificationLookup verifications;
  private final CallbackPublisher publisher;
  private final RecentReturns recent;
  private final Clock clock;
  private final Supplier<UUID> callbackIds;

  public CallbackReceiver(
      CallbackToken tokens,
      VerificationLookup verifications,
      CallbackPublisher publisher,
      RecentReturns recent,
      Clock clock,
      Supplier<UUID> callbackIds) {
    this.tokens = tokens;
    this.verifications = verifications;
    this.publisher = publisher;
    this.recent = recent;
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
    LogCorrelation.verification(valid.verificationId());
    return valid.returnUrlOrNull() != null
        ? carryingItsUrl(valid, now)
        : lookingUpItsUrl(valid, now);
  }

  /** v2: everything needed is in the token; PostgreSQL is not read. */
  private CallbackOutcome carryingItsUrl(CallbackToken.Valid valid, Instant now) {
    boolean published = publishOnce(valid, now);
    return sendOn(destination(valid.returnUrlOrNull()), published);
  }

  /** v1: the return_url is only in PostgreSQL. */
  private CallbackOutcome lookingUpItsUrl(CallbackToken.Valid valid, Instant now) {
    Optional<Verification> found;
    try {
      found = verifications.byId(valid.verificationId());
    } catch (LookupUnavailableException e) {
      // the return is what matters: record it, and tell the user to go back to the app
      log.warn(
          "PostgreSQL unavailable for the return of verification {} (v1 token): published without"
              + " a redirect",
          valid.verificationId());
      return new CallbackOutcome.DestinationUnknown(publishOnce(valid, now));
    }
    if (found.isEmpty()) {
      return new CallbackOutcome.UnknownVerification();
    }
    boolean published = !found.get().status().isFinal() && publishOnce(valid, now);
    return sendOn(destination(found.get().submission().returnUrl()), published);
  }

  private boolean publishOnce(CallbackToken.Valid valid, Instant now) {
    UUID id = valid.verificationId();
    if (!recent.claim(id, valid.notAfter(), now)) {
      return false;
    }
    try {
      publisher.publish(VerificationCallback.of(callbackIds.get(), id, now));
      return true;
    } catch (RuntimeException e) {
      recent.release(id); // not recorded: the user's reload must publish it
      throw e;
    }
  }

  private static CallbackOutcome sendOn(Optional<URI> destination, boolean published) {
    return destination
        .<CallbackOutcome>map(url -> new CallbackOutcome.Redirect(url, published))
        .orElseGet(() -> new CallbackOutcome.DestinationUnknown(published));
  }

  // the schema's URL rules and java.net.URI's differ at the edges; never fail a return over that
  private static Optional<URI> destination(String returnUrl) {
    try {
      return Optional.ofNullable(returnUrl).map(URI::create);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
