package io.facecheck.reconciler.inbound.kafka;

import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.inbound.PayloadReader;
import io.facecheck.reconciler.inbound.RecordFailedException;
import io.facecheck.reconciler.inbound.UnreadableRecordException;
import io.facecheck.reconciler.inbound.VerificationTraces;
import io.facecheck.tracing.kafka.RecordObservations;
import io.facecheck.tracing.kafka.RecordSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Feeds a batch to a handler up to its first bad record, then names that record to the error
 * handler ({@link BatchListenerFailedException} with its index): the records before it are done and
 * committed, the bad one is retried or dead-lettered on its own, the rest are redelivered. A whole
 * batch is never retried or dead-lettered for one record.
 *
 * <p>Each record handed to the handler gets its own span (parent: the record's trace headers, or
 * its verification's stored trace when given {@link VerificationTraces}), bound by verification id
 * ({@link InboundRecords}) for as long as the handler runs.
 */
public final class RecordBatches {

  /**
   * Reads every record with {@code reader} and hands the readable prefix to {@code handler}, which
   * reports a failing record by {@link RecordFailedException}.
   */
  public <T> void handle(
      List<ConsumerRecord<byte[], byte[]>> records,
      PayloadReader<T> reader,
      Consumer<List<T>> handler,
      RecordObservations observations) {
    handle(records, reader, handler, observations, VerificationTraces.NONE);
  }

  /**
   * As {@link #handle(List, PayloadReader, Consumer, RecordObservations)}, each record's span a
   * child of its verification's stored trace ({@code traces}), its own trace linked: for records
   * whose own trace does not lead back to the verification's request (the user's return).
   */
  public <T> void handle(
      List<ConsumerRecord<byte[], byte[]>> records,
      PayloadReader<T> reader,
      Consumer<List<T>> handler,
      RecordObservations observations,
      VerificationTraces traces) {
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
      List<UUID> ids = new ArrayList<>(payloads.size());
      for (int i = 0; i < payloads.size(); i++) {
        ids.add(verificationId(records.get(i).key()));
      }
      Map<UUID, String> stored = traces.stored(ids.stream().filter(Objects::nonNull).toList());
      List<RecordSpan> spans = new ArrayList<>(payloads.size());
      Map<UUID, InboundRecords.RecordScope> scopes = new HashMap<>();
      for (int i = 0; i < payloads.size(); i++) {
        UUID id = ids.get(i);
        RecordSpan span = observations.start(records.get(i), id == null ? null : stored.get(id));
        spans.add(span);
        if (id != null) {
          scopes.put(id, scopeOf(span));
        }
      }
      int failed = -1;
      Throwable failure = null;
      try (InboundRecords.Binding bound = InboundRecords.bind(scopes)) {
        handler.accept(payloads);
      } catch (RecordFailedException e) {
        failed = e.index();
        failure = e.getCause();
        throw new BatchListenerFailedException(e.getMessage(), e.getCause(), e.index());
      } catch (RuntimeException e) {
        failed = 0;
        failure = e;
        // a handler that cannot say which record failed: redo the batch from its first record
        throw new BatchListenerFailedException(e.toString(), e, 0);
      } finally {
        for (int i = 0; i < spans.size(); i++) {
          spans.get(i).end(i == failed ? failure : null);
        }
      }
    }
    if (unreadable != null) {
      throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, payloads.size());
    }
  }

  private static InboundRecords.RecordScope scopeOf(RecordSpan span) {
    return new InboundRecords.RecordScope() {
      @Override
      public <R> R run(Supplier<R> work) {
        return span.inScope(work);
      }
    };
  }

  /**
   * The key of callbacks and query results (docs/architecture.md, "Topics"); null for a key that is
   * not one.
   */
  private static UUID verificationId(byte[] key) {
    if (key == null || key.length != 36) {
      return null;
    }
    try {
      return UUID.fromString(new String(key, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
