package io.facecheck.worker.alipay;

import java.time.Instant;

/**
 * The last outcome of a call retried in process, with how often it was tried and when it first and
 * last failed (both null when the first attempt settled it).
 */
public record AttemptedCall<T>(
    AlipayOutcome<T> outcome, int attempts, Instant firstFailureAt, Instant lastFailureAt) {}
