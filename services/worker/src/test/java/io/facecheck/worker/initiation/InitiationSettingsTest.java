package io.facecheck.worker.initiation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InitiationSettingsTest {

  private static final Instant ISSUED = Instant.parse("2026-11-26T10:00:00Z");
  private final InitiationSettings settings =
      new InitiationSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), "worker@test");

  @Test
  void firstQueryIsTheFirstLadderStepAfterTheUrlIsIssued() {
    assertThat(settings.firstQueryAt(ISSUED, ISSUED.plusSeconds(900)))
        .isEqualTo(ISSUED.plusSeconds(60));
  }

  @Test
  void firstQueryIsCappedAtExpiryWhenTheTtlIsShorterThanTheFirstStep() {
    Instant expiresAt = ISSUED.plusSeconds(20);
    assertThat(settings.firstQueryAt(ISSUED, expiresAt)).isEqualTo(expiresAt);
  }

  @Test
  void firstQueryIsDueAtOnceWhenTheUrlCameAfterExpiry() {
    Instant expiresAt = ISSUED.minusSeconds(5);
    assertThat(settings.firstQueryAt(ISSUED, expiresAt)).isEqualTo(expiresAt);
  }
}
