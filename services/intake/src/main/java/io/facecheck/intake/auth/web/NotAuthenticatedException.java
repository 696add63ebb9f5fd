package io.facecheck.intake.auth.web;

/** No bearer token, or one no client owns: answered 401. */
public final class NotAuthenticatedException extends RuntimeException {

  public NotAuthenticatedException() {
    super("missing or unknown bearer token", null, false, false);
  }
}
