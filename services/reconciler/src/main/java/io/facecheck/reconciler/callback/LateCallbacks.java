package io.facecheck.reconciler.callback;

import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import java.util.Map;

/**
 * Notes a callback that came after the final status, once: a return recorded before the decision,
 * or a late callback noted already, is not noted again, so repeats cannot grow the timeline.
 */
final class LateCallbacks {

  private static final String KIND = "kind";
  private static final String CALLBACK = "callback";

  private final VerificationStore store;
  private final String source;

  LateCallbacks(VerificationStore store, String source) {
    this.store = store;
    this.source = source;
  }

  void note(Verification v, VerificationCallback callback) {
    if (v.userReturnedAt() != null || notedAlready(v)) {
      return;
    }
    store.recordNote(
        v.id(),
        Causes.LATE_RESULT,
        source,
        Map.of(
            KIND,
            CALLBACK,
            "callback_id",
            callback.callbackId().toString(),
            "received_at",
            callback.receivedAt().toString()));
  }

  private boolean notedAlready(Verification v) {
    return store.timeline(v.id()).stream()
        .anyMatch(
            t ->
                t.isNote()
                    && Causes.LATE_RESULT.equals(t.cause())
                    && CALLBACK.equals(t.details().get(KIND)));
  }
}
