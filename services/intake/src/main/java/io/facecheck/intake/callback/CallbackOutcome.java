package io.facecheck.intake.callback;

import io.facecheck.contracts.callback.CallbackToken.Refusal;
import java.net.URI;

/** What became of one return of a user's browser. */
public sealed interface CallbackOutcome {

  /** Send the browser on to the business service's page. */
  record Redirect(URI returnUrl, boolean published) implements CallbackOutcome {}

  /** The token is not one of ours, or no longer valid: nothing published. */
  record Refused(Refusal reason) implements CallbackOutcome {}

  /** The token is authentic but names no verification we know (or none with a return_url). */
  record UnknownVerification() implements CallbackOutcome {}
}
