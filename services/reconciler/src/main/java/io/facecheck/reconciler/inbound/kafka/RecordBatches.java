package io.facecheck.reconciler.inbound.kafka;

import io.facecheck.reconciler.inbound.PayloadReader;
import io.facecheck.reconciler.inbound.RecordFailedException;
import io.facecheck.reconciler.inbound.UnreadableRecordException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Feeds a batch to a handler up to its first bad record, then names that record to the error
 * handler ({@link BatchListenerFailedException} with its index): the records before it are done and
 * committed, the bad one is retried or dead-lettered on its own, the rest are redelivered. A whole
 * batch is never retried or dead-lettered for one record.
 */
public final class RecordBatches {

  /**
   * Reads every record with {@code reader} and hands the readable prefix to {@code handler}, which
   * reports a failing record by {@link RecordFailedException}.
   */
  public <T> void handle(
      List<ConsumerRecord<byte[], byte[]>> records,
      PayloadReader<T> reader,
      Consumer<List<T>> handler) {
    List<T> payloads = new ArrayList<>(records.size());
    UnreadableRecordException unreadable = null;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      try {
        payloads.add(reader.read(record.value()));
      } catch (UnreadableRecordException e) {
        unreadable = e;
        break;
      }
    }
    if (!payloads.isEmpty()) {
      try {
        handler.accept(payloads);
      } catch (RecordFailedException e) {
        throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
      } catch (RuntimeException e) {
        // a handler that cannot say which record failed: redo the batch from its first record
        throw new BatchListenerFailedException(e.toString(), e, 0);
      }
    }
    if (unreadable != null) {
      throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, payloads.size());
    }
  }
}
