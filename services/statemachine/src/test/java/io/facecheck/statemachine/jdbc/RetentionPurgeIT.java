package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox and timeline purges on a real PostgreSQL: published rows past their age go while
 * unpublished ones stay; timelines go only for verifications final since before the audit cutoff,
 * and the table still refuses every other DELETE.
 */
class RetentionPurgeIT {

  private MigratedDatabase db;
  private JdbcVerificationStore store;

  @BeforeEach
  void freshDatabase() {
    db = MigratedDatabase.create();
    store = db.store();
  }

  @Test
  void publishedOutboxRowsOlderThanTheCutoffGoWhileUnpublishedOnesStay() {
    for (int i = 0; i < 5; i++) {
      StoredStatuses.in(VerificationStatus.PASSED, db, store, "pub" + i);
    }
    OutboxReader reader = new OutboxReader(db.dataSource, db.clock);
    List<Long> published =
        reader.fetchUnpublished(100).stream().map(OutboxEntry::id).limit(7).toList();
    reader.markPublished(published);
    db.clock.advance(Duration.ofDays(8));
    Verification late = StoredStatuses.in(VerificationStatus.PASSED, db, store, "late");
    reader.markPublished(
        reader.fetchUnpublished(100).stream()
            .filter(e -> e.verificationId().equals(late.id()))
            .map(OutboxEntry::id)
            .toList());
    Instant cutoff = db.clock.instant().minus(Duration.ofDays(7));
    OutboxPurge purge = new OutboxPurge(db.dataSource);

    assertThat(purge.deletePublishedBefore(cutoff, 4)).isEqualTo(4);
    assertThat(purge.deletePublishedBefore(cutoff, 4)).isEqualTo(3);
    assertThat(purge.deletePublishedBefore(cutoff, 4)).isZero();

    assertThat(count("SELECT count(*) FROM outbox WHERE id = ANY(:ids)", published)).isZero();
    // the 3 never published, 8 days old, are the relay's work: they stay
    assertThat(count("SELECT count(*) FROM outbox WHERE published_at IS NULL", null)).isEqualTo(3);
    // published within the last 7 days: kept
    assertThat(
            count("SELECT count(*) FROM outbox WHERE verification_id = '" + late.id() + "'", null))
        .isEqualTo(2);
  }

  @Test
  void timelinesGoOnlyForVerificationsFinalSinceBeforeTheCutoff() {
    List<Verification> oldFinal = new ArrayList<>();
    for (VerificationStatus s : List.of(VerificationStatus.PASSED, VerificationStatus.EXPIRED)) {
      oldFinal.add(StoredStatuses.in(s, db, store, "oldfin" + s.ordinal()));
    }
    List<Verification> oldInFlight = new ArrayList<>();
    for (VerificationStatus s :
        List.of(VerificationStatus.AWAITING_USER, VerificationStatus.DEAD_LETTERED)) {
      oldInFlight.add(StoredStatuses.in(s, db, store, "oldfly" + s.ordinal()));
    }
    db.clock.advance(Duration.ofDays(400));
    Verification young = StoredStatuses.in(VerificationStatus.FAILED, db, store, "young");
    int youngRows = store.timeline(young.id()).size();
    List<Integer> inFlightRows =
        oldInFlight.stream().map(v -> store.timeline(v.id()).size()).toList();
    int oldFinalRows = oldFinal.stream().mapToInt(v -> store.timeline(v.id()).size()).sum();
    Instant cutoff = db.clock.instant().minus(Duration.ofDays(365));
    TimelinePurge purge = new TimelinePurge(db.dataSource);

    int deleted = 0;
    int batch;
    while ((batch = purge.deleteOfFinalBefore(cutoff, 3)) > 0) {
      assertThat(batch).isLessThanOrEqualTo(3);
      deleted += batch;
    }

    assertThat(oldFinalRows).isEqualTo(8); // PASSED and EXPIRED: 4 rows each
    assertThat(deleted).isEqualTo(oldFinalRows);
    assertThat(oldFinal).allSatisfy(v -> assertThat(store.timeline(v.id())).isEmpty());
    assertThat(oldInFlight.stream().map(v -> store.timeline(v.id()).size()).toList())
        .isEqualTo(inFlightRows);
    assertThat(store.timeline(young.id())).hasSize(youngRows);
    // the verification rows themselves stay: the idempotency key and the audit of the outcome
    assertThat(store.find(oldFinal.get(0).id())).isPresent();
  }

  @Test
  void theTimelineRefusesEveryOtherDelete() {
    Verification waiting = StoredStatuses.in(VerificationStatus.AWAITING_USER, db, store, "w");
    Verification passed = StoredStatuses.in(VerificationStatus.PASSED, db, store, "p");
    db.clock.advance(Duration.ofDays(400));
    Instant cutoff = db.clock.instant();

    assertThatThrownBy(() -> deleteTimelineWithCutoff(null, passed.id()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> deleteTimelineWithCutoff(cutoff, waiting.id()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> deleteTimelineWithCutoff(passed.updatedAt().minusSeconds(1), passed.id()))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                db.jdbc
                    .sql(
                        "UPDATE verification_transitions SET cause = 'X' WHERE verification_id = :id")
                    .param("id", passed.id())
                    .update())
        .hasMessageContaining("append-only");

    deleteTimelineWithCutoff(cutoff, passed.id());
    assertThat(store.timeline(passed.id())).isEmpty();
  }

  /**
   * The purge runs on one long-lived session (the lock's): no round may leave it in a transaction.
   */
  @Test
  void eachPurgeLeavesItsSessionOutOfAnyTransaction() throws Exception {
    StoredStatuses.in(VerificationStatus.PASSED, db, store, "session");
    db.clock.advance(Duration.ofDays(400));
    try (java.sql.Connection session = db.dataSource.getConnection()) {
      session.setAutoCommit(true);
      var onSession =
          new org.springframework.jdbc.datasource.SingleConnectionDataSource(session, true);
      Instant cutoff = db.clock.instant().minus(Duration.ofDays(30));
      new IdentityErasure(onSession, db.clock)
          .eraseFinalBefore(cutoff, 10, "purge", java.util.Map.of());
      new OutboxPurge(onSession).deletePublishedBefore(cutoff, 10);
      assertThat(new TimelinePurge(onSession).deleteOfFinalBefore(cutoff, 10)).isPositive();

      int pid;
      try (var st = session.createStatement();
          var rs = st.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      assertThat(session.getAutoCommit()).isTrue();
      assertThat(
              db.jdbc
                  .sql("SELECT state FROM pg_stat_activity WHERE pid = :pid")
                  .param("pid", pid)
                  .query(String.class)
                  .single())
          .isEqualTo("idle");
      assertThat(
              db.jdbc
                  .sql("SELECT count(*) FROM pg_locks WHERE pid = :pid AND locktype = 'relation'")
                  .param("pid", pid)
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  private void deleteTimelineWithCutoff(Instant cutoff, UUID id) {
    new TransactionTemplate(
            new org.springframework.jdbc.datasource.DataSourceTransactionManager(db.dataSource))
        .executeWithoutResult(
            status -> {
              if (cutoff != null) {
                db.jdbc
                    .sql(
                        "SELECT set_config('facecheck.timeline_purge_before',"
                            + " CAST(CAST(:c AS timestamptz) AS text), true)")
                    .param("c", Timestamps.toDb(cutoff))
                    .query(String.class)
                    .single();
              }
              db.jdbc
                  .sql("DELETE FROM verification_transitions WHERE verification_id = :id")
                  .param("id", id)
                  .update();
            });
  }

  private long count(String sql, List<Long> ids) {
    var statement = db.jdbc.sql(sql);
    if (ids != null) {
      statement = statement.param("ids", ids.toArray(new Long[0]));
    }
    return statement.query(Long.class).single();
  }
}
