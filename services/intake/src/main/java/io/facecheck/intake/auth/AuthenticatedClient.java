package io.facecheck.intake.auth;

/** The business service a request's bearer token belongs to. */
public record AuthenticatedClient(String clientId) {}
