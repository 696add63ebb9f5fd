package io.facecheck.intake.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentReturnsTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:05:00Z");

  private final RecentReturns recent = new RecentReturns(1_000);

  @Test
  void claimsAVerificationOnceWhileItsTokenIsValid() {
    UUID id = UUID.randomUUID();

    assertThat(recent.claim(id, NOW.plusSeconds(60), NOW)).isTrue();
    assertThat(recent.claim(id, NOW.plusSeconds(60), NOW.plusSeconds(1))).isFalse();
    assertThat(recent.claim(id, NOW.plusSeconds(60), NOW.plusSeconds(60))).isFalse();
    // the token has expired: a later claim (of a new token) is a new return
    assertThat(recent.claim(id, NOW.plusSeconds(600), NOW.plusSeconds(61))).isTrue();
  }

  @Test
  void forgetsAReleasedClaim() {
    UUID id = UUID.randomUUID();
    recent.claim(id, NOW.plusSeconds(60), NOW);

    recent.release(id);

    assertThat(recent.claim(id, NOW.plusSeconds(60), NOW)).isTrue();
  }

  @Test
  void staysWithinItsCapacityUnderAFloodOfDifferentVerifications() {
    for (int i = 0; i < 100_000; i++) {
      assertThat(recent.claim(UUID.randomUUID(), NOW.plusSeconds(86_400), NOW)).isTrue();
    }

    assertThat(recent.size()).isEqualTo(recent.capacity());
  }

  @Test
  void dropsTheOldestFirstSoRecentReturnsStayRemembered() {
    UUID oldest = UUID.randomUUID();
    recent.claim(oldest, NOW.plusSeconds(600), NOW);
    UUID newest = null;
    for (int i = 0; i < recent.capacity(); i++) {
      newest = UUID.randomUUID();
      recent.claim(newest, NOW.plusSeconds(600), NOW);
    }

    assertThat(recent.claim(newest, NOW.plusSeconds(600), NOW)).isFalse();
    assertThat(recent.claim(oldest, NOW.plusSeconds(600), NOW)).isTrue();
  }

  @Test
  void drainsExpiredEntriesAsNewOnesArrive() {
    for (int i = 0; i < 500; i++) {
      recent.claim(UUID.randomUUID(), NOW.plusSeconds(60), NOW);
    }
    Instant later = NOW.plusSeconds(120);
    for (int i = 0; i < 100; i++) {
      recent.claim(UUID.randomUUID(), later.plusSeconds(60), later);
    }

    assertThat(recent.size()).isLessThan(600);
  }
}
