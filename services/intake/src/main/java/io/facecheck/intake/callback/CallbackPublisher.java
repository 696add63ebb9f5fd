package io.facecheck.intake.callback;

import io.facecheck.contracts.callback.VerificationCallback;

/** Hands a callback to the reconciler (topic verification-callbacks) and waits for the ack. */
public interface CallbackPublisher {

  void publish(VerificationCallback callback);
}
