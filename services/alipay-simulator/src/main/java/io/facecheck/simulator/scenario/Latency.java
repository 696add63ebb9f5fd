package io.facecheck.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Added response latency. fixed: {@code ms}; uniform: {@code min_ms..max_ms}; exponential: {@code
 * min_ms} plus an exponential tail of mean {@code mean_ms}, capped at {@code max_ms}.
 */
public record Latency(Distribution distribution, long ms, long minMs, long maxMs, long meanMs) {

  public enum Distribution {
    @JsonProperty("none")
    NONE,
    @JsonProperty("fixed")
    FIXED,
    @JsonProperty("uniform")
    UNIFORM,
    @JsonProperty("exponential")
    EXPONENTIAL
  }

  public Latency {
    if (distribution == null) {
      distribution = Distribution.NONE;
    }
    if (ms < 0 || minMs < 0 || maxMs < 0 || meanMs < 0) {
      throw new IllegalArgumentException("latency values must not be negative");
    }
    if (distribution == Distribution.UNIFORM && maxMs < minMs) {
      throw new IllegalArgumentException("uniform latency needs max_ms >= min_ms");
    }
    if (distribution == Distribution.EXPONENTIAL && maxMs == 0) {
      maxMs = Math.max(minMs, 60_000);
    }
  }

  public static Latency none() {
    return new Latency(Distribution.NONE, 0, 0, 0, 0);
  }

  public static Latency fixed(long ms) {
    return new Latency(Distribution.FIXED, ms, 0, 0, 0);
  }

  public static Latency uniform(long minMs, long maxMs) {
    return new Latency(Distribution.UNIFORM, 0, minMs, maxMs, 0);
  }

  public static Latency exponential(long minMs, long meanMs, long maxMs) {
    return new Latency(Distribution.EXPONENTIAL, 0, minMs, maxMs, meanMs);
  }

  /** The delay in ms for a uniform draw in [0,1). */
  public long sample(double draw) {
    return switch (distribution) {
      case NONE -> 0;
      case FIXED -> ms;
      case UNIFORM -> minMs + (long) (draw * (maxMs - minMs + 1));
      case EXPONENTIAL -> Math.min(maxMs, minMs + (long) (-meanMs * Math.log(1 - draw)));
    };
  }
}
