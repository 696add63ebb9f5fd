package io.facecheck.reconciler.callback.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.reconciler.callback.CallbackHandler;
import io.facecheck.reconciler.config.JsonPayloads;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** verification-callbacks → {@link CallbackHandler}, a batch at a time. */
public class CallbackListener {

  private final CallbackHandler handler;
  private final JsonPayloads payloads;

  public CallbackListener(CallbackHandler handler, JsonPayloads payloads) {
    this.handler = handler;
    this.payloads = payloads;
  }

  @KafkaListener(id = "reconciler-callbacks", idIsGroup = false, topics = Topics.CALLBACKS)
  public void onCallbacks(List<ConsumerRecord<String, String>> records) {
    handler.onCallbacks(payloads.read(records, VerificationCallback.class));
  }
}
