package io.facecheck.worker.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.TestPostgres;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The compare-and-set loser of two copies of one request, on the real store: the copy whose Alipay
 * call failed for good comes second, after the other copy moved the verification to AWAITING_USER
 * in PostgreSQL. Its failure dead-letters its own record but never parks the verification, whose
 * certify URL and ladder (next_query_at) stand.
 */
class LateStartFailureOnPostgresIT {

  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

  @Test
  void aLateConfigurationFailureNeverParksWhatAnotherCopyAdvanced() {
    DataSource db = TestPostgres.newDatabase().dataSource();
    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    JdbcVerificationStore store = JdbcVerificationStore.of(db, clock);
    PiiCipher cipher = new PiiCipher(PiiKeyRing.of("k1", Map.of("k1", new byte[32])));
    Verification received =
        ((CreateOutcome.Created)
                store.create(
                    NewVerification.seal(Fixtures.request("late-1"), Fixtures.HASH, cipher, clock),
                    "worker@a"))
            .verification();
    var initializing = received.markInitializing(OuterOrderNumbers.of(received.id()));
    assertThat(store.apply(initializing, "worker@a")).isTrue();
    // both copies read INITIALIZING; copy B's initialize succeeded and it stored the certify URL
    Verification seenByLoser = initializing.after();
    assertThat(
            store.apply(
                seenByLoser.markAwaitingUser(
                    "cid-late-1",
                    "https://certify.example/late-1",
                    clock.instant().plusSeconds(60)),
                "worker@b"))
        .isTrue();

    RetryRouter router =
        new RetryRouter(
            new RetrySchedule(List.of(Duration.ofSeconds(5))),
            retry -> CompletableFuture.completedFuture(null),
            letter -> {
              deadLetters.add(letter);
              return CompletableFuture.completedFuture(null);
            },
            clock);
    new RetryingStartFailures(router, store, "worker@a")
        .configurationFailure(
            seenByLoser,
            new OriginalRecord(Topics.REQUESTS, 0, 7, new byte[0], new byte[0], List.of()),
            new AttemptedCall<>(
                new AlipayOutcome.ProviderConfig<>("40002", "bad key"),
                1,
                clock.instant(),
                clock.instant()),
            "40002 bad key")
        .join();

    Verification now = store.find(received.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(now.deadLetter()).isNull();
    assertThat(now.certifyUrl()).isEqualTo("https://certify.example/late-1");
    assertThat(now.nextQueryAt()).as("the ladder still runs").isNotNull();
    assertThat(store.timeline(received.id()))
        .extracting(t -> t.to())
        .doesNotContain(VerificationStatus.DEAD_LETTERED);
    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG));
  }
}
