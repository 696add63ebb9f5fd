package io.facecheck.intake.auth;

import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer <token>} header (RFC 6750). */
public final class BearerToken {

  private static final String SCHEME = "bearer ";

  private BearerToken() {}

  public static Optional<String> from(String authorizationHeader) {
    if (authorizationHeader == null
        || authorizationHeader.length() <= SCHEME.length()
        || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    String token = authorizationHeader.substring(SCHEME.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
