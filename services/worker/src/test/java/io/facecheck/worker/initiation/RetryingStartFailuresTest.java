package io.facecheck.worker.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import io.facecheck.statemachine.Change;
import io.facecheck.statemachine.CreateOutcome;
import io.facecheck.statemachine.NewRejection;
import io.facecheck.statemachine.NewVerification;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Submission;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A copy of a record that lost the compare-and-set never overrides what another copy did. */
class RetryingStartFailuresTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final RetryRouter router =
      new RetryRouter(
          new RetrySchedule(List.of(Duration.ofSeconds(5))),
          r -> CompletableFuture.completedFuture(null),
          letter -> CompletableFuture.completedFuture(null),
          Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void aLateConfigurationFailureLeavesAVerificationAnotherCopyMovedToAwaitingUser() {
    Verification initializing = received().markInitializing("FC0001").after();
    Verification awaiting =
        initializing.markAwaitingUser("cid-1", "https://certify/1", T0.plusSeconds(60)).after();
    VersionedStore store = new VersionedStore(awaiting); // the other copy won the race

    new RetryingStartFailures(router, store, "worker@test")
        .configurationFailure(initializing, record(), providerConfig(), "40002 bad key")
        .join();

    assertThat(store.applied).isEmpty();
    assertThat(store.current.status()).isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(store.attempted).hasSize(1); // tried once from INITIALIZING, lost, re-read, stopped
  }

  @Test
  void aConfigurationFailureParksAVerificationStillInitializing() {
    Verification initializing = received().markInitializing("FC0001").after();
    VersionedStore store = new VersionedStore(initializing);

    new RetryingStartFailures(router, store, "worker@test")
        .configurationFailure(initializing, record(), providerConfig(), "40002 bad key")
        .join();

    assertThat(store.applied)
        .singleElement()
        .satisfies(c -> assertThat(c.to()).isEqualTo(VerificationStatus.DEAD_LETTERED));
  }

  private static AttemptedCall<IssuedCertification> providerConfig() {
    return new AttemptedCall<>(new AlipayOutcome.ProviderConfig<>("40002", "bad key"), 1, T0, T0);
  }

  private static OriginalRecord record() {
    return new OriginalRecord("verification-requests", 0, 7, new byte[0], new byte[0], List.of());
  }

  static Verification received() {
    Submission submission =
        new Submission(
            "loan-service",
            "order-42-kyc",
            "a".repeat(64),
            BizCode.FACE,
            CertType.IDENTITY_CARD,
            "https://loan.example/kyc/done",
            900,
            "default",
            Map.of());
    return new Verification(
        UUID.randomUUID(),
        0,
        VerificationStatus.RECEIVED,
        submission,
        null,
        null,
        null,
        T0.plusSeconds(900),
        null,
        0,
        null,
        null,
        null,
        null,
        T0,
        T0);
  }

  /** One stored verification, changed by compare-and-set on its version as PostgreSQL does. */
  static final class VersionedStore implements VerificationStore {
    final List<StatusChange> attempted = new ArrayList<>();
    final List<StatusChange> applied = new ArrayList<>();
    Verification current;

    VersionedStore(Verification current) {
      this.current = current;
    }

    @Override
    public boolean apply(Change change, String source) {
      StatusChange status = (StatusChange) change;
      attempted.add(status);
      if (status.before().version() != current.version()) {
        return false;
      }
      applied.add(status);
      current = status.after();
      return true;
    }

    @Override
    public Optional<Verification> find(UUID id) {
      return Optional.ofNullable(current);
    }

    @Override
    public CreateOutcome create(NewVerification verification, String source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CreateOutcome createRejected(NewRejection rejection, String source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Verification> findByRequest(String clientId, String requestId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean recordNote(UUID id, String cause, String source, Map<String, String> details) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Verification> claimDueQueries(Instant now, int limit, Duration lease) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean requestReplay(UUID id, long version, String source) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean replayRequested(Verification verification) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Transition> timeline(UUID id) {
      throw new UnsupportedOperationException();
    }
  }
}
