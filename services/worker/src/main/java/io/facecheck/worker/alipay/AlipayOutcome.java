package io.facecheck.worker.alipay;

/**
 * What one Alipay call came to, decided in one place ({@link AlipayOutcomeClassifier}, and {@link
 * AlipayRetry} for {@link Unavailable}). Every caller acts on these six cases only, never on raw
 * codes or exceptions.
 *
 * @param <T> the value a successful call yields
 */
public sealed interface AlipayOutcome<T>
    permits AlipayOutcome.Succeeded,
        AlipayOutcome.Rejected,
        AlipayOutcome.Retryable,
        AlipayOutcome.Unknown,
        AlipayOutcome.ProviderConfig,
        AlipayOutcome.Unavailable {

  /** True for the outcomes worth another attempt: transient failures and unknown outcomes. */
  default boolean worthRetrying() {
    return this instanceof Retryable || this instanceof Unknown;
  }

  /**
   * What the outcome says in words, for a log line, a retry header or a dead letter (the caller
   * masks PII): the {@code detail} of the outcomes that carry one, else the outcome itself.
   */
  default String detail() {
    return String.valueOf(this);
  }

  /** Alipay answered 10000 and the response verified. */
  record Succeeded<T>(T value) implements AlipayOutcome<T> {}

  /** A business answer about this request (40004): final for this input. */
  record Rejected<T>(String subCode) implements AlipayOutcome<T> {}

  /** Transient: the call did not happen or failed before it could have had an effect. */
  record Retryable<T>(String detail) implements AlipayOutcome<T> {}

  /** The call may have had an effect we did not hear about (read timeout on initialize). */
  record Unknown<T>(String detail) implements AlipayOutcome<T> {}

  /** Our configuration is wrong (keys, app id, permissions, untrusted response): ops must act. */
  record ProviderConfig<T>(String code, String detail) implements AlipayOutcome<T> {}

  /**
   * The app's circuit breaker is not closed: Alipay is failing for everyone, so this call was not
   * made, or its transient failure is put down to the outage. Costs no retry; try again at {@code
   * retryAfter}.
   */
  record Unavailable<T>(String detail, java.time.Instant retryAfter) implements AlipayOutcome<T> {}
}
