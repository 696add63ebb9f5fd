package io.facecheck.statemachine.jdbc;

import java.time.Instant;
import java.util.UUID;

/**
 * A result event waiting to be relayed to verification-results.
 *
 * @param messageKey the Kafka key, {@code {client_id}:{request_id}}
 * @param payload the verification-result v1 JSON
 * @param traceParent the W3C traceparent of the change that wrote it, or null (not traced)
 */
public record OutboxEntry(
    long id,
    UUID eventId,
    UUID verificationId,
    String eventType,
    String messageKey,
    String payload,
    Instant createdAt,
    String traceParent) {}
