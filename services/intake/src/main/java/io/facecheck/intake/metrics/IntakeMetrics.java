package io.facecheck.intake.metrics;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.intake.callback.CallbackOutcome;
import io.facecheck.intake.request.IntakeOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * {@code facecheck.intake.requests} by outcome (accepted, repeated, rejected) and reason, and
 * {@code facecheck.intake.callbacks} by outcome (accepted, repeated, forged, malformed, expired,
 * unknown). Every tag value is one of a fixed list, registered up front at zero. HTTP status and
 * latency per endpoint come from Boot's {@code http.server.requests}.
 */
public final class IntakeMetrics {

  /** Refusals the controller makes before the body is read. */
  public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";

  /** Kafka did not acknowledge, or PostgreSQL did not answer: 503 with Retry-After. */
  public static final String UNAVAILABLE = "unavailable";

  private static final List<String> REJECTIONS =
      List.of(
          "invalid_request",
          "client_mismatch",
          "idempotency_conflict",
          UNSUPPORTED_MEDIA_TYPE,
          UNAVAILABLE);
  private static final List<String> CALLBACK_OUTCOMES =
      List.of("accepted", "repeated", "forged", "malformed", "expired", "unknown");

  private final MeterRegistry registry;

  public IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
    requests("accepted", "none");
    requests("repeated", "none");
    REJECTIONS.forEach(reason -> requests("rejected", reason));
    for (DeadLetterReason reason : unparseable()) {
      requests("rejected", code(reason));
    }
    CALLBACK_OUTCOMES.forEach(this::callbacks);
  }

  public void request(IntakeOutcome outcome) {
    if (outcome instanceof IntakeOutcome.Accepted) {
      requests("accepted", "none").increment();
    } else if (outcome instanceof IntakeOutcome.AlreadyAccepted) {
      requests("repeated", "none").increment();
    } else if (outcome instanceof IntakeOutcome.Unparseable unparseable) {
      rejected(code(unparseable.reason()));
    } else if (outcome instanceof IntakeOutcome.Invalid) {
      rejected("invalid_request");
    } else if (outcome instanceof IntakeOutcome.ForeignClient) {
      rejected("client_mismatch");
    } else {
      rejected("idempotency_conflict");
    }
  }

  /** A request refused for {@code reason}, one of the constants above. */
  public void rejected(String reason) {
    requests("rejected", reason).increment();
  }

  public void callback(CallbackOutcome outcome) {
    callbacks(callbackOutcome(outcome)).increment();
  }

  static String callbackOutcome(CallbackOutcome outcome) {
    if (outcome instanceof CallbackOutcome.Redirect redirect) {
      return redirect.published() ? "accepted" : "repeated";
    }
    if (outcome instanceof CallbackOutcome.DestinationUnknown unknown) {
      return unknown.published() ? "accepted" : "repeated";
    }
    if (outcome instanceof CallbackOutcome.Refused refused) {
      return refused.reason().name().toLowerCase(Locale.ROOT);
    }
    return "unknown";
  }

  private static List<DeadLetterReason> unparseable() {
    return List.of(
        DeadLetterReason.INVALID_JSON,
        DeadLetterReason.NOT_UTF8,
        DeadLetterReason.NOT_AN_OBJECT,
        DeadLetterReason.TOO_LARGE);
  }

  private static String code(DeadLetterReason reason) {
    return reason.code().toLowerCase(Locale.ROOT);
  }

  private Counter requests(String outcome, String reason) {
    return Counter.builder("facecheck.intake.requests")
        .description("POST /v1/verifications answered, by outcome and reason")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry);
  }

  private Counter callbacks(String outcome) {
    return Counter.builder("facecheck.intake.callbacks")
        .description("user returns (Alipay return_url) answered, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }
}
