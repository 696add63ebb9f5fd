package io.facecheck.reconciler;

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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A migrated test database and verifications in it, brought to AWAITING_USER through the status
 * machine's real transition methods, as the worker would.
 */
final class VerificationDatabase {

  static final String CLIENT = "loan-service";
  static final Duration FIRST_STEP = Duration.ofMinutes(1);

  final TestPostgres.Database database;
  final DataSource dataSource;
  final JdbcVerificationStore store;
  private final Clock clock;
  private final PiiCipher cipher =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  private VerificationDatabase(TestPostgres.Database database, Clock clock) {
    this.database = database;
    this.dataSource = database.dataSource();
    this.clock = clock;
    this.store = JdbcVerificationStore.of(dataSource, clock);
  }

  /** A fresh database migrated by Flyway, as the worker migrates it in production. */
  static VerificationDatabase inNewDatabase(Clock clock) {
    TestPostgres.Database database = TestPostgres.newDatabase();
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return new VerificationDatabase(database, clock);
  }

  /** A verification waiting for its user, its first ladder query due a minute from now. */
  Verification awaitingUser() {
    return issueCertifyUrl(initializing());
  }

  /** A verification whose Alipay initialize call is in flight (its intent written). */
  Verification initializing() {
    String requestId = "req-" + UUID.randomUUID();
    NewVerification nv = NewVerification.seal(request(requestId), "a".repeat(64), cipher, clock);
    Verification received = ((CreateOutcome.Created) store.create(nv, "it")).verification();
    apply(received.markInitializing(received.id().toString().replace("-", "")));
    return find(received.id());
  }

  /** The initialize call returned: the worker stores the certify URL, first query a minute on. */
  Verification issueCertifyUrl(Verification initializing) {
    String outerOrderNo = initializing.outerOrderNo();
    apply(
        initializing.markAwaitingUser(
            "cid" + outerOrderNo,
            "https://openapi.alipay.example/certify?id=" + outerOrderNo,
            clock.instant().plus(FIRST_STEP)));
    return find(initializing.id());
  }

  Verification find(UUID id) {
    return store.find(id).orElseThrow();
  }

  private void apply(StatusChange change) {
    if (!store.apply(change, "worker@it")) {
      throw new IllegalStateException("lost a race nobody else runs");
    }
  }

  private static VerificationRequest request(String requestId) {
    return new VerificationRequest(
        1,
        requestId,
        CLIENT,
        BizCode.FACE,
        new VerificationRequest.Identity(CertType.IDENTITY_CARD, "张三", "11010519491231002X"),
        "https://loan.example/kyc/done",
        900,
        Map.of("order", "42"),
        "default");
  }
}
