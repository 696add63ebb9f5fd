package io.facecheck.ops;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import io.facecheck.testinfra.TestPostgres;
import java.time.Clock;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A fresh, migrated database with verifications made through the state machine's own store and
 * transition methods, as intake and the worker make them.
 */
final class StoredVerifications {

  static final String CERT_NAME = "欧阳娜娜";
  static final String CERT_NO = "11010519491231002X";
  static final String MASKED_NO = "1101**********002X";
  static final String CLIENT_ID = "loan-service";

  private static final PiiCipher CIPHER =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  final TestPostgres.Database db;
  final JdbcVerificationStore store;
  private final Clock clock;

  private StoredVerifications(TestPostgres.Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.store = JdbcVerificationStore.of(db.dataSource(), clock);
  }

  static StoredVerifications migrated(Clock clock) {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Flyway.configure()
        .dataSource(db.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return new StoredVerifications(db, clock);
  }

  static VerificationRequest request(String requestId) {
    return new VerificationRequest(
        1,
        requestId,
        CLIENT_ID,
        BizCode.FACE,
        new VerificationRequest.Identity(CertType.IDENTITY_CARD, CERT_NAME, CERT_NO),
        "https://loan.example/kyc/done",
        900,
        Map.of("order", "42"),
        "default");
  }

  Verification created(String requestId) {
    NewVerification nv = NewVerification.seal(request(requestId), "a".repeat(64), CIPHER, clock);
    return ((CreateOutcome.Created) store.create(nv, "intake@ops-it")).verification();
  }

  Verification deadLettered(String requestId, DeadLetterReason reason) {
    StatusChange init = initializing(requestId);
    store.apply(init.after().markDeadLettered(reason.code()), "worker@ops-it");
    return store.find(init.after().id()).orElseThrow();
  }

  Verification awaitingUser(String requestId) {
    StatusChange init = initializing(requestId);
    store.apply(
        init.after().markAwaitingUser("cid-1", "https://a.example/c", clock.instant()),
        "worker@ops-it");
    return store.find(init.after().id()).orElseThrow();
  }

  Verification parkedWhileAwaitingUser(String requestId, String reason) {
    Verification waiting = awaitingUser(requestId);
    store.apply(waiting.markDeadLettered(reason), "reconciler@ops-it");
    return store.find(waiting.id()).orElseThrow();
  }

  Verification rejected(String requestId) {
    Verification v = created(requestId);
    store.apply(v.markRejected("UNKNOWN_APP", "/app", "no such app"), "worker@ops-it");
    return store.find(v.id()).orElseThrow();
  }

  private StatusChange initializing(String requestId) {
    Verification v = created(requestId);
    StatusChange init = v.markInitializing(v.id().toString().replace("-", ""));
    store.apply(init, "worker@ops-it");
    return init;
  }
}
