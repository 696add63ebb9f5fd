package io.facecheck.reconciler.inbound;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The records of the batch being handled on this thread, by verification id: each one's span and
 * log ids. Batch handlers work on payloads and send a batch's queries together; they run the work
 * of one verification {@link #within} its record, so what that work logs, stores in the outbox or
 * sends continues that record's trace. The ladder's scans bind, the same way, a span per claimed
 * verification continuing the trace it was created in ({@link VerificationTraces}); work about a
 * verification bound to nothing runs as it is.
 */
public final class InboundRecords {

  /** Runs work in a record's scope (its span current, its ids in the MDC). */
  public interface RecordScope {
    <T> T run(Supplier<T> work);
  }

  private static final ThreadLocal<Map<UUID, RecordScope>> BATCH = new ThreadLocal<>();

  private InboundRecords() {}

  /** Runs {@code work} in the scope of the record about {@code verificationId}, if any. */
  public static <T> T within(UUID verificationId, Supplier<T> work) {
    Map<UUID, RecordScope> batch = BATCH.get();
    RecordScope scope = batch == null || verificationId == null ? null : batch.get(verificationId);
    return scope == null ? work.get() : scope.run(work);
  }

  public static void within(UUID verificationId, Runnable work) {
    within(
        verificationId,
        () -> {
          work.run();
          return null;
        });
  }

  /** Binds a batch's records to this thread until the returned binding is closed. */
  public static Binding bind(Map<UUID, RecordScope> records) {
    Map<UUID, RecordScope> previous = BATCH.get();
    BATCH.set(Map.copyOf(records));
    return () -> {
      if (previous == null) {
        BATCH.remove();
      } else {
        BATCH.set(previous);
      }
    };
  }

  /** Closing it unbinds the batch. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }
}
