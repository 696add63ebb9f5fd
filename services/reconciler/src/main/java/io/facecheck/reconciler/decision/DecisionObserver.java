package io.facecheck.reconciler.decision;

import io.facecheck.contracts.query.QueryReason;
import io.facecheck.statemachine.VerificationStatus;

/** Hears what {@link OutcomeDecider} decided: metrics count it without the decider knowing. */
public interface DecisionObserver {

  /** Observes nothing. */
  DecisionObserver NONE =
      new DecisionObserver() {
        @Override
        public void decided(VerificationStatus finalStatus, QueryReason path) {}

        @Override
        public void lateResult(QueryReason path) {}
      };

  /** A query result, asked for {@code path}, ended a verification in {@code finalStatus}. */
  void decided(VerificationStatus finalStatus, QueryReason path);

  /** A query result came for a verification already final: noted, nothing changed. */
  void lateResult(QueryReason path);
}
