package io.facecheck.reconciler.metrics;

import io.facecheck.contracts.query.QueryReason;
import io.facecheck.reconciler.decision.DecisionObserver;
import io.facecheck.statemachine.VerificationStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * {@code facecheck.reconciler.decisions} by final status and path (the query's reason: callback,
 * ladder step, final query), and {@code facecheck.reconciler.late.results} by path.
 */
public final class DecisionMeters implements DecisionObserver {

  private static final List<VerificationStatus> DECIDED =
      List.of(VerificationStatus.PASSED, VerificationStatus.FAILED, VerificationStatus.EXPIRED);

  private final MeterRegistry registry;

  public DecisionMeters(MeterRegistry registry) {
    this.registry = registry;
    for (QueryReason path : QueryReason.values()) {
      lateResults(path);
      DECIDED.forEach(status -> decisions(status, path));
    }
  }

  @Override
  public void decided(VerificationStatus finalStatus, QueryReason path) {
    decisions(finalStatus, path).increment();
  }

  @Override
  public void lateResult(QueryReason path) {
    lateResults(path).increment();
  }

  private Counter decisions(VerificationStatus status, QueryReason path) {
    return Counter.builder("facecheck.reconciler.decisions")
        .description("verifications ended by a query result, by final status and path")
        .tag("status", status.name())
        .tag("path", path(path))
        .register(registry);
  }

  private Counter lateResults(QueryReason path) {
    return Counter.builder("facecheck.reconciler.late.results")
        .description("query results for a verification already final (noted, nothing changed)")
        .tag("path", path(path))
        .register(registry);
  }

  private static String path(QueryReason reason) {
    return reason == null ? "unknown" : reason.name().toLowerCase(Locale.ROOT);
  }
}
