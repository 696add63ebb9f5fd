package io.facecheck.intake.callback.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.intake.callback.CallbackPublisher;
import io.facecheck.intake.kafka.AcknowledgedSender;
import tools.jackson.databind.json.JsonMapper;

/** Publishes callbacks to verification-callbacks, keyed by verification_id, as JSON. */
public final class KafkaCallbackPublisher implements CallbackPublisher {

  private final AcknowledgedSender sender;
  private final JsonMapper json;

  public KafkaCallbackPublisher(AcknowledgedSender sender, JsonMapper json) {
    this.sender = sender;
    this.json = json;
  }

  @Override
  public void publish(VerificationCallback callback) {
    sender.send(
        Topics.CALLBACKS, callback.verificationId().toString(), json.writeValueAsBytes(callback));
  }
}
