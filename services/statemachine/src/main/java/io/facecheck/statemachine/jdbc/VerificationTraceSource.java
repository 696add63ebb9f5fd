package io.facecheck.statemachine.jdbc;

/**
 * The trace context a verification is created in, kept with its row so later work about it
 * continues that trace: a W3C {@code traceparent} (ids only, never payload), or null when nothing
 * is traced.
 */
@FunctionalInterface
public interface VerificationTraceSource {

  VerificationTraceSource NONE = () -> null;

  String current();
}
