package io.facecheck.intake.callback;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The verifications whose return this intake instance has already published, each remembered until
 * its token expires, so a reloaded or replayed return URL is published once, not once per GET.
 *
 * <p>Bounded against a flood: at most {@code capacity} entries (about 100 bytes each), the oldest
 * dropped first. Only tokens whose MAC verified get here, so forged ones cost nothing; a flood of
 * different authentic tokens (each needs a real verification) only evicts older entries, and an
 * evicted return that comes back is published once more, which the reconciler ignores. Memory is
 * per instance: with N instances a return is published at most N times.
 */
public final class RecentReturns {

  /** Expired entries dropped per claim: keeps each call O(1) while old entries drain. */
  private static final int PRUNE_PER_CLAIM = 8;

  private final int capacity;
  private final LinkedHashMap<UUID, Instant> seen;

  public RecentReturns(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<UUID, Instant> eldest) {
            return size() > RecentReturns.this.capacity;
          }
        };
  }

  /**
   * True if this is the first return of {@code verificationId} still remembered (the caller
   * publishes it), false for a repeat before {@code notAfter}. Atomic: of concurrent repeats
   * exactly one is first.
   */
  public synchronized boolean claim(UUID verificationId, Instant notAfter, Instant now) {
    pruneExpired(now);
    Instant until = seen.get(verificationId);
    if (until != null && !now.isAfter(until)) {
      return false;
    }
    seen.remove(verificationId); // re-inserted last: an entry's age is its last claim
    seen.put(verificationId, notAfter);
    return true;
  }

  /** Forgets a claim whose publication failed, so the user's next try publishes it. */
  public synchronized void release(UUID verificationId) {
    seen.remove(verificationId);
  }

  public synchronized int size() {
    return seen.size();
  }

  public int capacity() {
    return capacity;
  }

  private void pruneExpired(Instant now) {
    Iterator<Instant> oldest = seen.values().iterator();
    for (int i = 0; i < PRUNE_PER_CLAIM && oldest.hasNext(); i++) {
      if (!now.isAfter(oldest.next())) {
        return;
      }
      oldest.remove();
    }
  }
}
