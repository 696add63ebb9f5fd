package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.pii.SealedValue;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.SealedIdentity;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JdbcVerificationStoreIT {

  private static MigratedDatabase db;
  private static JdbcVerificationStore store;

  @BeforeAll
  static void migrate() {
    db = MigratedDatabase.create();
    store = db.store();
  }

  static Verification created(String requestId) {
    return Stores.created(db, store, requestId);
  }

  @Test
  void createStoresReceivedWithItsFirstTransition() {
    Verification v = created("create-1");

    assertThat(v.status()).isEqualTo(VerificationStatus.RECEIVED);
    assertThat(v.version()).isZero();
    assertThat(v.expiresAt()).isEqualTo(db.clock.instant().plusSeconds(900));
    assertThat(v.submission().metadata()).containsEntry("order", "42");
    assertThat(store.timeline(v.id()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.from()).isNull();
              assertThat(t.to()).isEqualTo(VerificationStatus.RECEIVED);
              assertThat(t.cause()).isEqualTo(Causes.REQUEST_RECEIVED);
            });
  }

  @Test
  void sameKeyAndHashIsTheSameVerificationAndAnotherHashIsAConflict() {
    Verification first = created("idem-1");
    NewVerification again =
        NewVerification.seal(Fixtures.request("idem-1"), Fixtures.HASH, db.cipher, db.clock);
    NewVerification changed =
        NewVerification.seal(Fixtures.request("idem-1"), "b".repeat(64), db.cipher, db.clock);

    assertThat(store.create(again, "test"))
        .isEqualTo(new CreateOutcome.Existing(store.find(first.id()).orElseThrow()));
    assertThat(store.create(changed, "test")).isEqualTo(new CreateOutcome.Conflict(first.id()));
    assertThat(
            db.jdbc
                .sql("SELECT count(*) FROM verifications WHERE request_id = 'idem-1'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void applyMovesTheRowRecordsTheTransitionAndWritesTheEventInOneGo() {
    Verification v = created("apply-1");
    StatusChange initializing = v.markInitializing("FCAPPLY1");
    assertThat(store.apply(initializing, "worker@a")).isTrue();
    StatusChange awaiting =
        initializing.after().markAwaitingUser("cid-9", "https://a.example/c9", db.clock.instant());

    assertThat(store.apply(awaiting, "worker@a")).isTrue();

    Verification stored = store.find(v.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.certifyId()).isEqualTo("cid-9");
    assertThat(store.timeline(v.id()))
        .extracting(Transition::to, Transition::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(VerificationStatus.RECEIVED, "test"),
            org.assertj.core.groups.Tuple.tuple(VerificationStatus.INITIALIZING, "worker@a"),
            org.assertj.core.groups.Tuple.tuple(VerificationStatus.AWAITING_USER, "worker@a"));
    JsonNode payload = payloadOf(v.id(), ResultType.CERTIFY_URL_ISSUED);
    assertThat(payload.get("certify_url").asString()).isEqualTo("https://a.example/c9");
    assertThat(payload.get("event_id").asString())
        .isEqualTo(VerificationResult.eventIdFor(v.id(), ResultType.CERTIFY_URL_ISSUED).toString());
    assertThat(payload.get("metadata").get("order").asString()).isEqualTo("42");
    assertThat(payload.get("final").asBoolean()).isFalse();
  }

  @Test
  void aLosingCompareAndSetWritesNothing() {
    Verification v = created("cas-1");
    StatusChange winner = v.markInitializing("FCCAS1");
    StatusChange loser = v.markRejected("INVALID", null, "too late");

    assertThat(store.apply(winner, "a")).isTrue();
    assertThat(store.apply(loser, "b")).isFalse();

    assertThat(store.find(v.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(store.timeline(v.id())).extracting(Transition::source).doesNotContain("b");
    assertThat(outboxCount(v.id())).isZero();
  }

  @Test
  void aFailedOutboxInsertRollsTheStatusChangeBack() {
    Verification v = created("rollback-1");
    store.apply(v.markInitializing("FCRB1"), "t");
    // a stray final event already there: a second final event is refused, and with it the change
    db.jdbc
        .sql(
            "INSERT INTO outbox (event_id, verification_id, event_type, message_key, payload)"
                + " VALUES (?, ?, 'verification.rejected', 'k:x', '{}')")
        .params(UUID.randomUUID(), v.id())
        .update();
    Verification current = store.find(v.id()).orElseThrow();

    assertThatThrownBy(() -> store.apply(current.markRejected("X", null, "y"), "t"))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(store.find(v.id()).orElseThrow().status())
        .isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(store.timeline(v.id())).hasSize(2);
  }

  @Test
  void applyJoinsTheCallersTransactionAndRollsBackWithIt() {
    Verification v = created("joined-1");
    TransactionTemplate caller =
        new TransactionTemplate(new DataSourceTransactionManager(db.dataSource));

    // apply is one statement with no transaction of its own: inside a caller's, it is part of it
    caller.executeWithoutResult(
        status -> {
          assertThat(store.apply(v.markRejected("X", null, "y"), "t")).isTrue();
          status.setRollbackOnly();
        });

    assertThat(store.find(v.id())).contains(v);
    assertThat(store.timeline(v.id())).hasSize(1);
    assertThat(outboxCount(v.id())).isZero();
  }

  @Test
  void notesKeepTheStatusAndLateResultsChangeNothing() {
    Verification v = created("note-1");
    store.apply(v.markRejected("INVALID", "/app", "unknown app"), "worker");

    assertThat(
            store.recordNote(v.id(), Causes.LATE_RESULT, "reconciler", Map.of("outcome", "PASSED")))
        .isTrue();
    assertThat(store.recordNote(UUID.randomUUID(), Causes.LATE_RESULT, "reconciler", Map.of()))
        .isFalse();

    Transition note = store.timeline(v.id()).get(2);
    assertThat(note.isNote()).isTrue();
    assertThat(note.from()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(note.details()).containsEntry("outcome", "PASSED");
    assertThat(store.find(v.id()).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void userReturnIsNotedAndMakesTheQueryDue() {
    Verification awaiting = awaiting("return-1");
    db.clock.advance(Duration.ofSeconds(5));

    assertThat(store.apply(awaiting.recordUserReturned(db.clock.instant()), "reconciler")).isTrue();

    Verification stored = store.find(awaiting.id()).orElseThrow();
    assertThat(stored.userReturnedAt()).isEqualTo(db.clock.instant());
    assertThat(stored.nextQueryAt()).isEqualTo(db.clock.instant());
    assertThat(store.timeline(awaiting.id()).get(3).cause()).isEqualTo(Causes.USER_RETURNED);
  }

  @Test
  void userReturnWhileInitializingIsKeptAndMakesTheFirstQueryDueAtOnce() {
    Verification v = created("early-return-1");
    StatusChange init = v.markInitializing("FCearlyreturn1");
    assertThat(store.apply(init, "worker")).isTrue();
    db.clock.advance(Duration.ofSeconds(2));
    Instant returnedAt = db.clock.instant();

    assertThat(store.apply(init.after().recordUserReturned(returnedAt), "reconciler")).isTrue();
    Verification initializing = store.find(v.id()).orElseThrow();
    assertThat(initializing.status()).isEqualTo(VerificationStatus.INITIALIZING);
    assertThat(initializing.userReturnedAt()).isEqualTo(returnedAt);

    db.clock.advance(Duration.ofSeconds(1));
    StatusChange issued =
        initializing.markAwaitingUser(
            "cid-early", "https://a.example/early", db.clock.instant().plusSeconds(60));
    assertThat(store.apply(issued, "worker")).isTrue();

    assertThat(store.find(v.id()).orElseThrow().nextQueryAt()).isEqualTo(returnedAt);
  }

  @Test
  void claimDueQueriesTakesOnlyDueRowsOldestFirstAndLeasesThem() {
    Verification later = awaiting("claim-later");
    store.apply(
        store.find(later.id()).orElseThrow().scheduleQuery(db.clock.instant().minusSeconds(10)),
        "t");
    Verification sooner = awaiting("claim-sooner");
    store.apply(
        store.find(sooner.id()).orElseThrow().scheduleQuery(db.clock.instant().minusSeconds(20)),
        "t");
    Verification notYet = awaiting("claim-not-yet");
    store.apply(
        store.find(notYet.id()).orElseThrow().scheduleQuery(db.clock.instant().plusSeconds(60)),
        "t");

    List<Verification> claimed =
        store.claimDueQueries(db.clock.instant(), 10, Duration.ofSeconds(30));

    assertThat(claimed).extracting(Verification::id).containsSubsequence(sooner.id(), later.id());
    assertThat(claimed).extracting(Verification::id).doesNotContain(notYet.id());
    Verification leased = store.find(later.id()).orElseThrow();
    assertThat(leased.nextQueryAt()).isEqualTo(db.clock.instant().plusSeconds(30));
    assertThat(leased.queryAttempts()).isEqualTo(1);
    assertThat(leased.lastQueryAt()).isEqualTo(db.clock.instant());
    assertThat(store.claimDueQueries(db.clock.instant(), 10, Duration.ofSeconds(30)))
        .extracting(Verification::id)
        .doesNotContain(sooner.id(), later.id());
  }

  @Test
  void anInvalidRequestIsStoredRejectedWithItsEventAndNoIdentity() {
    NewRejection rejection =
        NewRejection.of(
            "loan-service",
            "invalid-1",
            "c".repeat(64),
            new Failure(
                "resident_id_check_digit", "/identity/cert_no", "check character does not match"),
            db.clock);

    CreateOutcome outcome = store.createRejected(rejection, "worker");

    Verification v = ((CreateOutcome.Created) outcome).verification();
    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(store.timeline(v.id()))
        .extracting(Transition::to)
        .containsExactly(VerificationStatus.RECEIVED, VerificationStatus.REJECTED);
    JsonNode payload = payloadOf(v.id(), ResultType.REJECTED);
    assertThat(payload.get("error").get("message").asString()).startsWith("/identity/cert_no: ");
    assertThat(payload.get("expires_at").isNull()).isTrue();
    assertThat(
            db.jdbc
                .sql(
                    "SELECT pii_key_id IS NULL AND cert_no_ciphertext IS NULL FROM verifications WHERE id = ?")
                .param(v.id())
                .query(Boolean.class)
                .single())
        .as("a rejected request keeps no identity")
        .isTrue();
    assertThat(store.createRejected(rejection, "worker"))
        .isInstanceOf(CreateOutcome.Existing.class);
  }

  @Test
  void theIdentityIsStoredSealedForItsOwnVerification() {
    Verification v = created("vault-1");

    Map<String, Object> row =
        db.jdbc
            .sql(
                "SELECT cert_name_ciphertext, cert_no_ciphertext, pii_key_id FROM verifications"
                    + " WHERE id = ?")
            .param(v.id())
            .query()
            .singleRow();
    String keyId = (String) row.get("pii_key_id");
    SealedValue certName = new SealedValue(keyId, (byte[]) row.get("cert_name_ciphertext"));
    SealedValue certNo = new SealedValue(keyId, (byte[]) row.get("cert_no_ciphertext"));

    assertThat(new String(certNo.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain(Fixtures.CERT_NO);
    assertThat(db.cipher.open(certName, SealedIdentity.certNameContext(v.id())))
        .isEqualTo(Fixtures.CERT_NAME);
    assertThat(db.cipher.open(certNo, SealedIdentity.certNoContext(v.id())))
        .isEqualTo(Fixtures.CERT_NO);
  }

  static Verification awaiting(String requestId) {
    return Stores.awaiting(db, store, requestId);
  }

  private static long outboxCount(UUID id) {
    return db.jdbc
        .sql("SELECT count(*) FROM outbox WHERE verification_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  private static JsonNode payloadOf(UUID id, ResultType type) {
    String json =
        db.jdbc
            .sql("SELECT payload::text FROM outbox WHERE verification_id = ? AND event_type = ?")
            .params(id, type.value())
            .query(String.class)
            .single();
    return JsonMapper.builder().build().readTree(json);
  }
}
