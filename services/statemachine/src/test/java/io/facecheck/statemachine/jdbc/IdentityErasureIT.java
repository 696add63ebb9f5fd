package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.ErasureOutcome;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Erasing sealed identities on a real PostgreSQL: a final verification keeps no copy of its
 * ciphertext in any column of any table, and a verification still in flight is never touched.
 */
class IdentityErasureIT {

  private static final Set<VerificationStatus> FINAL =
      EnumSet.of(
          VerificationStatus.PASSED,
          VerificationStatus.FAILED,
          VerificationStatus.EXPIRED,
          VerificationStatus.REJECTED);
  private static final Set<VerificationStatus> IN_FLIGHT =
      EnumSet.complementOf(EnumSet.copyOf(FINAL));

  private MigratedDatabase db;
  private JdbcVerificationStore store;
  private IdentityErasure erasure;

  @BeforeEach
  void freshDatabase() {
    db = MigratedDatabase.create();
    store = db.store();
    erasure = new IdentityErasure(db.dataSource, db.clock);
  }

  @Test
  void theSqlListOfFinalStatusesIsTheStatusMachines() {
    for (VerificationStatus status : VerificationStatus.values()) {
      assertThat(IdentityErasure.FINAL.contains("'" + status.name() + "'"))
          .as(status.name())
          .isEqualTo(status.isFinal());
    }
  }

  @Test
  void erasingAFinalVerificationLeavesNoCopyOfItsCiphertextAnywhere() {
    List<Verification> finals = new ArrayList<>();
    for (VerificationStatus status : FINAL) {
      finals.add(StoredStatuses.in(status, db, store, "fin" + status.ordinal()));
    }
    List<String> ciphertexts = ciphertextsOf(finals);
    assertThat(ciphertexts).hasSize(2 * FINAL.size());
    db.clock.advance(Duration.ofMinutes(5));

    for (Verification v : finals) {
      ErasureOutcome outcome =
          erasure.erase(v.id(), "ops@test", Map.of("reason", "data-subject request 17"));
      assertThat(outcome).isEqualTo(new ErasureOutcome.Erased(db.clock.instant()));
    }

    for (Verification v : finals) {
      Map<String, Object> row =
          db.jdbc
              .sql(
                  "SELECT status, cert_type, cert_name_ciphertext, cert_no_ciphertext, pii_key_id,"
                      + " identity_erased_at IS NOT NULL AS erased, updated_at = :before AS"
                      + " final_time_kept FROM verifications WHERE id = :id")
              .param("id", v.id())
              .param("before", Timestamps.toDb(v.updatedAt()))
              .query()
              .singleRow();
      assertThat(row.get("status")).isEqualTo(v.status().name());
      assertThat(row.get("cert_type")).isEqualTo("IDENTITY_CARD");
      assertThat(row.get("cert_name_ciphertext")).isNull();
      assertThat(row.get("cert_no_ciphertext")).isNull();
      assertThat(row.get("pii_key_id")).isNull();
      assertThat(row.get("erased")).isEqualTo(true);
      assertThat(row.get("final_time_kept")).isEqualTo(true);
      Transition note = last(store.timeline(v.id()));
      assertThat(note.cause()).isEqualTo(Causes.IDENTITY_ERASED);
      assertThat(note.from()).isEqualTo(v.status());
      assertThat(note.to()).isEqualTo(v.status());
      assertThat(note.source()).isEqualTo("ops@test");
      assertThat(note.details()).containsEntry("reason", "data-subject request 17");
    }
    assertNoCopyAnywhere(ciphertexts);
  }

  @Test
  void aVerificationInFlightIsNeverErasedNorNoted() {
    for (VerificationStatus status : IN_FLIGHT) {
      Verification v = StoredStatuses.in(status, db, store, "fly" + status.ordinal());
      String before = rowText(v.id());
      int notes = store.timeline(v.id()).size();

      assertThat(erasure.erase(v.id(), "ops@test", Map.of()))
          .isEqualTo(new ErasureOutcome.InFlight(status));

      assertThat(rowText(v.id())).as(status.name()).isEqualTo(before);
      assertThat(store.timeline(v.id())).hasSize(notes);
    }
  }

  @Test
  void theDatabaseRefusesAnErasedRowThatIsNotFinal() {
    Verification waiting = Stores.awaiting(db, store, "guard");

    assertThatThrownBy(
            () ->
                db.jdbc
                    .sql(
                        "UPDATE verifications SET cert_name_ciphertext = NULL,"
                            + " cert_no_ciphertext = NULL, pii_key_id = NULL,"
                            + " identity_erased_at = now() WHERE id = :id")
                    .param("id", waiting.id())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("verifications_erased_only_when_final");
    assertThatThrownBy(
            () ->
                db.jdbc
                    .sql(
                        "UPDATE verifications SET cert_name_ciphertext = NULL,"
                            + " cert_no_ciphertext = NULL, pii_key_id = NULL WHERE id = :id")
                    .param("id", waiting.id())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aSecondErasureFindsItDoneAndOtherCasesSayWhyNothingWasErased() {
    Verification passed = StoredStatuses.in(VerificationStatus.PASSED, db, store, "twice");
    Instant at = db.clock.instant();
    assertThat(erasure.erase(passed.id(), "ops@test", Map.of()))
        .isInstanceOf(ErasureOutcome.Erased.class);
    db.clock.advance(Duration.ofHours(1));

    assertThat(erasure.erase(passed.id(), "ops@test", Map.of()))
        .isEqualTo(new ErasureOutcome.AlreadyErased(at));
    assertThat(
            store.timeline(passed.id()).stream()
                .filter(t -> t.cause().equals(Causes.IDENTITY_ERASED)))
        .hasSize(1);

    Verification invalid =
        ((io.facecheck.statemachine.CreateOutcome.Created)
                store.createRejected(
                    NewRejection.of(
                        "loan-service",
                        "invalid-1",
                        "c".repeat(64),
                        new Failure("resident_id_check_digit", "/identity/cert_no", "bad"),
                        db.clock),
                    "worker"))
            .verification();
    assertThat(erasure.erase(invalid.id(), "ops@test", Map.of()))
        .isEqualTo(new ErasureOutcome.NothingSealed());
    assertThat(erasure.erase(UUID.randomUUID(), "ops@test", Map.of()))
        .isEqualTo(new ErasureOutcome.NotFound());
  }

  @Test
  void theBatchErasesOnlyFinalRowsPastTheCutoffOldestFirstAndAtMostTheLimit() {
    List<Verification> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      old.add(StoredStatuses.in(VerificationStatus.PASSED, db, store, "old" + i));
      db.clock.advance(Duration.ofSeconds(1));
    }
    List<Verification> oldInFlight = new ArrayList<>();
    for (VerificationStatus status : IN_FLIGHT) {
      oldInFlight.add(StoredStatuses.in(status, db, store, "oldfly" + status.ordinal()));
    }
    List<String> inFlightBefore = oldInFlight.stream().map(v -> rowText(v.id())).toList();
    Instant cutoff = db.clock.instant().plusSeconds(1);
    db.clock.advance(Duration.ofSeconds(10));
    Verification young = StoredStatuses.in(VerificationStatus.FAILED, db, store, "young");

    assertThat(erasure.eraseFinalBefore(cutoff, 3, "purge", Map.of("reason", "retention")))
        .isEqualTo(3);
    assertThat(erased(old.get(0))).isTrue();
    assertThat(erased(old.get(2))).isTrue();
    assertThat(erased(old.get(3))).isFalse();
    assertThat(erasure.eraseFinalBefore(cutoff, 3, "purge", Map.of("reason", "retention")))
        .isEqualTo(2);
    assertThat(erasure.eraseFinalBefore(cutoff, 3, "purge", Map.of("reason", "retention")))
        .isZero();

    assertThat(old).allSatisfy(v -> assertThat(erased(v)).isTrue());
    assertThat(erased(young)).isFalse();
    assertThat(oldInFlight.stream().map(v -> rowText(v.id())).toList()).isEqualTo(inFlightBefore);
    assertThat(last(store.timeline(old.get(4).id())).details())
        .containsEntry("reason", "retention");
  }

  private boolean erased(Verification v) {
    return db.jdbc
        .sql(
            "SELECT pii_key_id IS NULL AND identity_erased_at IS NOT NULL FROM verifications"
                + " WHERE id = :id")
        .param("id", v.id())
        .query(Boolean.class)
        .single();
  }

  private String rowText(UUID id) {
    return db.jdbc
        .sql("SELECT v::text FROM verifications v WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private List<String> ciphertextsOf(List<Verification> verifications) {
    List<String> hex = new ArrayList<>();
    for (Verification v : verifications) {
      db.jdbc
          .sql("SELECT cert_name_ciphertext, cert_no_ciphertext FROM verifications WHERE id = :id")
          .param("id", v.id())
          .query(
              rs -> {
                hex.add(HexFormat.of().formatHex(rs.getBytes(1)));
                hex.add(HexFormat.of().formatHex(rs.getBytes(2)));
              });
    }
    return hex;
  }

  /**
   * Every row of every table, as text; no ciphertext, nor a 16-byte piece of one, in hex or base64.
   */
  private void assertNoCopyAnywhere(List<String> ciphertexts) {
    List<String> tables =
        db.jdbc
            .sql(
                "SELECT quote_ident(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    assertThat(tables).contains("verifications", "verification_transitions", "outbox");
    StringBuilder all = new StringBuilder();
    for (String table : tables) {
      db.jdbc
          .sql("SELECT t::text FROM " + table + " t")
          .query(String.class)
          .list()
          .forEach(all::append);
    }
    String everything = all.toString().toLowerCase(java.util.Locale.ROOT);
    String original = all.toString();
    for (String hex : ciphertexts) {
      byte[] bytes = HexFormat.of().parseHex(hex);
      String piece = hex.substring(hex.length() / 2 - 16, hex.length() / 2 + 16);
      assertThat(everything).doesNotContain(hex).doesNotContain(piece);
      assertThat(original).doesNotContain(Base64.getEncoder().encodeToString(bytes));
    }
  }

  private static Transition last(List<Transition> timeline) {
    return timeline.get(timeline.size() - 1);
  }
}
