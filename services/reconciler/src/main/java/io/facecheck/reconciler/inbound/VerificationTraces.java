package io.facecheck.reconciler.inbound;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The trace each verification was created in (stored by the worker with the row), so the
 * reconciler's work about it continues that one trace: the handling of the user's return, whose own
 * trace starts at a browser, and the ladder's queries, which have no trace of their own.
 * Verifications stored without one (before V7, or not traced) get nothing: their work is traced as
 * before.
 */
public interface VerificationTraces {

  /** Tracing off: nothing is read, nothing continued. */
  VerificationTraces NONE =
      new VerificationTraces() {
        @Override
        public Map<UUID, String> stored(Collection<UUID> verificationIds) {
          return Map.of();
        }

        @Override
        public Map<UUID, InboundRecords.RecordScope> continuing(
            Collection<UUID> verificationIds, String spanName) {
          return Map.of();
        }
      };

  /**
   * Verification id → its stored W3C traceparent, for those of {@code verificationIds} with one.
   */
  Map<UUID, String> stored(Collection<UUID> verificationIds);

  /**
   * Scopes, by verification id, that run work in a span {@code spanName} continuing that
   * verification's stored trace; none for a verification without one.
   */
  Map<UUID, InboundRecords.RecordScope> continuing(
      Collection<UUID> verificationIds, String spanName);
}
