package io.facecheck.worker.retry;

import io.facecheck.worker.deadletter.OriginalRecord;
import java.time.Instant;

/**
 * A record on its way to a retry topic: the original record (coordinates of its first consumption),
 * and the history its headers carry.
 */
public record RetryRecord(
    String topic,
    OriginalRecord original,
    int hop,
    int attempts,
    Instant firstFailureAt,
    Instant lastFailureAt,
    Instant dueAt,
    String message) {}
