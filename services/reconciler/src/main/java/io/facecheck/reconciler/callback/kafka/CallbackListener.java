package io.facecheck.reconciler.callback.kafka;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.reconciler.callback.CallbackHandler;
import io.facecheck.reconciler.inbound.PayloadReader;
import io.facecheck.reconciler.inbound.VerificationTraces;
import io.facecheck.reconciler.inbound.kafka.RecordBatches;
import io.facecheck.tracing.kafka.RecordObservations;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** verification-callbacks → {@link CallbackHandler}, a batch at a time. */
public class CallbackListener {

  public static final String ID = "reconciler-callbacks";

  private static final PayloadReader<VerificationCallback> CALLBACKS = PayloadReader.callbacks();

  private final CallbackHandler handler;
  private final RecordBatches batches;
  private final RecordObservations observations;
  private final VerificationTraces traces;

  /**
   * @param traces each callback's span continues its verification's trace (the client's request),
   *     linking the return's own trace (intake's HTTP span of the browser's GET)
   */
  public CallbackListener(
      CallbackHandler handler,
      RecordBatches batches,
      RecordObservations observations,
      VerificationTraces traces) {
    this.handler = handler;
    this.batches = batches;
    this.observations = observations;
    this.traces = traces;
  }

  @KafkaListener(id = ID, idIsGroup = false, topics = Topics.CALLBACKS)
  public void onCallbacks(List<ConsumerRecord<byte[], byte[]>> records) {
    batches.handle(records, CALLBACKS, handler::onCallbacks, observations, traces);
  }
}
