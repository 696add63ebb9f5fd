package io.facecheck.statemachine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.ListeningVerificationStore;
import io.facecheck.statemachine.StatusChange;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatusTransitionMetersTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(Fixtures.T0.plusSeconds(3), ZoneOffset.UTC);
  private final StatusTransitionMeters meters = new StatusTransitionMeters(registry, clock);

  @Test
  void registersEveryAllowedMoveAtZeroBeforeAnyHappens() {
    assertThat(count("NONE", "RECEIVED")).isZero();
    assertThat(count("AWAITING_USER", "PASSED")).isZero();
    assertThat(count("DEAD_LETTERED", "INITIALIZING")).isZero();
    assertThat(registry.find("facecheck.status.transitions").tags("from", "PASSED").counters())
        .isEmpty();
  }

  @Test
  void countsAWonCompareAndSetAndTimesRequestToCertifyUrl() {
    StatusChange change =
        Fixtures.initializing().markAwaitingUser("cid", "https://x", Fixtures.T0.plusSeconds(60));
    ListeningVerificationStore store =
        new ListeningVerificationStore(new AnsweringStore(true), meters);

    assertThat(store.apply(change, "test")).isTrue();

    assertThat(count("INITIALIZING", "AWAITING_USER")).isEqualTo(1);
    assertThat(registry.get("facecheck.request.to.certify.url").timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(3.0);
  }

  @Test
  void aLostCompareAndSetCountsNothing() {
    ListeningVerificationStore store =
        new ListeningVerificationStore(new AnsweringStore(false), meters);

    assertThat(store.apply(Fixtures.awaitingUser().markPassed(), "test")).isFalse();

    assertThat(count("AWAITING_USER", "PASSED")).isZero();
    assertThat(finalTimer("PASSED").count()).isZero();
  }

  @Test
  void timesRequestToFinalByStatus() {
    Verification passed = Fixtures.in(VerificationStatus.PASSED);

    meters.statusChanged(VerificationStatus.AWAITING_USER, passed);

    assertThat(count("AWAITING_USER", "PASSED")).isEqualTo(1);
    assertThat(finalTimer("PASSED").count()).isEqualTo(1);
    assertThat(finalTimer("EXPIRED").count()).isZero();
  }

  @Test
  void aNewRowCountsFromNone() {
    meters.statusChanged(null, Fixtures.received());

    assertThat(count("NONE", "RECEIVED")).isEqualTo(1);
  }

  private double count(String from, String to) {
    return registry
        .get("facecheck.status.transitions")
        .tags("from", from, "to", to)
        .counter()
        .count();
  }

  private io.micrometer.core.instrument.Timer finalTimer(String status) {
    return registry.get("facecheck.request.to.final").tag("status", status).timer();
  }
}
