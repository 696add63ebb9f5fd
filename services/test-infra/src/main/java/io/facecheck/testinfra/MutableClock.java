package io.facecheck.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock tests move by hand instead of sleeping: stopped at a given instant, or running with
 * real time (for a whole pipeline, which must see time pass) plus what the test added.
 */
public final class MutableClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  private MutableClock(Clock base) {
    this.base = base;
  }

  /** Stopped at {@code start} until {@link #advance(Duration)} moves it. */
  public MutableClock(Instant start) {
    this(Clock.fixed(start, ZoneOffset.UTC));
  }

  /** Stopped at {@code instant}, in ISO-8601 ({@code 2026-11-26T10:00:00Z}). */
  public static MutableClock at(String instant) {
    return new MutableClock(Instant.parse(instant));
  }

  /** Real time, plus every {@link #advance(Duration)}. */
  public static MutableClock running() {
    return new MutableClock(Clock.systemUTC());
  }

  public void advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
