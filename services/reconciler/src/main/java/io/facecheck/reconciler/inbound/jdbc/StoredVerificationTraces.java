package io.facecheck.reconciler.inbound.jdbc;

import io.facecheck.reconciler.inbound.InboundRecords;
import io.facecheck.reconciler.inbound.VerificationTraces;
import io.facecheck.statemachine.jdbc.VerificationTraceReader;
import io.facecheck.tracing.verification.VerificationTraceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * {@link VerificationTraces} from {@code verifications.trace_parent}: one read per batch, by
 * primary key. Only a trace is at stake: a read that fails is logged and the work goes on in the
 * traces it would have had before V7, meeting the database on its own terms (and its own error
 * handling) right after.
 */
public final class StoredVerificationTraces implements VerificationTraces {

  private static final Logger log = LoggerFactory.getLogger(StoredVerificationTraces.class);

  private final VerificationTraceReader reader;
  private final VerificationTraceContext context;

  public StoredVerificationTraces(DataSource dataSource, VerificationTraceContext context) {
    this.reader = new VerificationTraceReader(dataSource);
    this.context = context;
  }

  @Override
  public Map<UUID, String> stored(Collection<UUID> verificationIds) {
    if (verificationIds.isEmpty()) {
      return Map.of();
    }
    try {
      return reader.traceParents(verificationIds);
    } catch (DataAccessException e) {
      log.warn(
          "trace contexts of {} verifications not read, their work is traced on its own: {}",
          verificationIds.size(),
          e.toString());
      return Map.of();
    }
  }

  @Override
  public Map<UUID, InboundRecords.RecordScope> continuing(
      Collection<UUID> verificationIds, String spanName) {
    Map<UUID, InboundRecords.RecordScope> scopes = new HashMap<>();
    stored(verificationIds)
        .forEach(
            (id, traceparent) ->
                scopes.put(
                    id,
                    new InboundRecords.RecordScope() {
                      @Override
                      public <T> T run(Supplier<T> work) {
                        return context.continueFrom(traceparent, spanName, work);
                      }
                    }));
    return scopes;
  }
}
