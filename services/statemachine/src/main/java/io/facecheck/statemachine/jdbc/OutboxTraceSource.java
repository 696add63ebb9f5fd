package io.facecheck.statemachine.jdbc;

/**
 * The trace context of the change being stored, kept with its outbox row: a W3C {@code traceparent}
 * (ids only, never payload), or null when nothing is traced.
 */
@FunctionalInterface
public interface OutboxTraceSource {

  OutboxTraceSource NONE = () -> null;

  String current();
}
