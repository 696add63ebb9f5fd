package io.facecheck.intake.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.intake.FakeLookup;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FailingFastLookupTest {

  private final FakeLookup database = new FakeLookup();
  private long now = 1_000_000_000L;
  private final FailingFastLookup lookup =
      new FailingFastLookup(database, Duration.ofSeconds(2), () -> now);

  @Test
  void passesLookUpsThroughWhilePostgresAnswers() {
    assertThat(lookup.byId(UUID.randomUUID())).isEmpty();
    assertThat(lookup.byRequest("loan-service", "r-1")).isEmpty();
    assertThat(database.lookups).isEqualTo(2);
  }

  @Test
  void failsAtOnceWithoutTryingForThePauseAfterPostgresWasFoundDown() {
    database.unavailable();
    assertThatThrownBy(() -> lookup.byId(UUID.randomUUID()))
        .isInstanceOf(LookupUnavailableException.class)
        .hasCauseInstanceOf(java.sql.SQLTransientConnectionException.class);

    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> lookup.byRequest("loan-service", "r-1"))
          .isInstanceOf(LookupUnavailableException.class)
          .hasNoCause();
    }
    assertThat(database.lookups).isEqualTo(1);
  }

  @Test
  void probesAfterThePauseAndLetsEveryoneThroughOnceItAnswers() {
    database.unavailable();
    assertThatThrownBy(() -> lookup.byId(UUID.randomUUID()))
        .isInstanceOf(LookupUnavailableException.class);
    now += Duration.ofSeconds(2).toNanos();
    assertThatThrownBy(() -> lookup.byId(UUID.randomUUID()))
        .isInstanceOf(LookupUnavailableException.class)
        .hasCauseInstanceOf(java.sql.SQLTransientConnectionException.class); // the probe
    database.available();
    now += Duration.ofSeconds(1).toNanos();
    assertThatThrownBy(() -> lookup.byId(UUID.randomUUID())) // still within the new pause
        .isInstanceOf(LookupUnavailableException.class)
        .hasNoCause();
    now += Duration.ofSeconds(1).toNanos();

    assertThat(lookup.byId(UUID.randomUUID())).isEmpty();
    assertThat(lookup.byRequest("loan-service", "r-1")).isEmpty();
    assertThat(database.lookups).isEqualTo(4);
  }
}
