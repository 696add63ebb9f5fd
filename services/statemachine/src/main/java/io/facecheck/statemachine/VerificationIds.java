package io.facecheck.statemachine;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Verification ids as UUID version 7 (RFC 9562): time-ordered, so new rows land at the right edge
 * of the primary-key index instead of all over it, and still unguessable (74 random bits).
 */
public final class VerificationIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationIds() {}

  public static UUID next(Clock clock) {
    long millis = clock.millis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | 0x7000L | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
