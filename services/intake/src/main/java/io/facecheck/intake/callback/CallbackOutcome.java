package io.facecheck.intake.callback;

import io.facecheck.contracts.callback.CallbackToken.Refusal;
import java.net.URI;

/** What became of one return of a user's browser. */
public sealed interface CallbackOutcome {

  /**
   * Send the browser on to the business service's page; {@code published} is false for a repeat and
   * for a verification already final.
   */
  record Redirect(URI returnUrl, boolean published) implements CallbackOutcome {}

  /**
   * The return is recorded ({@code published}, unless it is a repeat), but where to send the
   * browser is not known now: an old (v1) token whose return_url is in PostgreSQL, which did not
   * answer. The browser gets a page telling the user to go back to the app.
   */
  record DestinationUnknown(boolean published) implements CallbackOutcome {}

  /** The token is not one of ours, or no longer valid: nothing published. */
  record Refused(Refusal reason) implements CallbackOutcome {}

  /** The token is authentic but names no verification we know (or none with a return_url). */
  record UnknownVerification() implements CallbackOutcome {}
}
