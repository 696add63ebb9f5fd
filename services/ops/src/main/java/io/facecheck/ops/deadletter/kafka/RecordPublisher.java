package io.facecheck.ops.deadletter.kafka;

import io.facecheck.ops.connection.ConnectionFailure;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends a dead letter back to a topic: {@link ReplayPublisher} on the broker. */
public interface RecordPublisher {

  /** Hands the record to the producer; a {@link ConnectionFailure} when it cannot even do that. */
  Future<RecordMetadata> publish(DeadLetterRecord record, String topic);

  /** Where the record landed; a {@link ConnectionFailure} when it did not. */
  RecordMetadata await(Future<RecordMetadata> sent);
}
