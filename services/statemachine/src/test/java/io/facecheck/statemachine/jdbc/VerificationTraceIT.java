package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

class VerificationTraceIT {

  private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  private static MigratedDatabase db;
  private static VerificationTraceReader reader;

  @BeforeAll
  static void migrate() {
    db = MigratedDatabase.create();
    reader = new VerificationTraceReader(db.dataSource);
  }

  @Test
  void aVerificationKeepsTheTraceItWasCreatedInAndOnlyThat() {
    JdbcVerificationStore traced = storeTracing(() -> TRACE);
    Verification first = created(traced, "trace-1");
    Verification untraced = created(db.store(), "trace-2");
    // later changes (here by a store that traces nothing) never touch the stored context
    Verification awaiting = Stores.awaiting(db, traced, "trace-3");

    Map<UUID, String> stored =
        reader.traceParents(List.of(first.id(), untraced.id(), awaiting.id(), UUID.randomUUID()));

    assertThat(stored).containsOnlyKeys(first.id(), awaiting.id()).containsValue(TRACE);
    assertThat(reader.traceParents(List.of())).isEmpty();
  }

  @Test
  void refusesAStoredContextLongerThanATraceparentCanBe() {
    JdbcVerificationStore traced = storeTracing(() -> "x".repeat(129));
    assertThatThrownBy(() -> created(traced, "trace-long"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("verifications_trace_parent_length");
  }

  private static JdbcVerificationStore storeTracing(VerificationTraceSource traces) {
    return new JdbcVerificationStore(
        db.dataSource,
        new DataSourceTransactionManager(db.dataSource),
        db.clock,
        OutboxTraceSource.NONE,
        traces);
  }

  private static Verification created(JdbcVerificationStore store, String requestId) {
    NewVerification nv =
        NewVerification.seal(Fixtures.request(requestId), Fixtures.HASH, db.cipher, db.clock);
    return ((CreateOutcome.Created) store.create(nv, "test")).verification();
  }
}
