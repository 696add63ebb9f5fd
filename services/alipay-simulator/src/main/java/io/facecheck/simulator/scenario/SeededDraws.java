package io.facecheck.simulator.scenario;

/**
 * Counter-based random draws: the n-th draw of a stream depends only on (seed, stream, n), so a run
 * repeats exactly even when calls arrive concurrently in a different order of threads.
 */
public final class SeededDraws {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private SeededDraws() {}

  /** A uniform double in [0, 1). */
  public static double unit(long seed, String stream, long n) {
    long mixed = mix(seed * GOLDEN ^ mix(stream.hashCode() + GOLDEN) ^ mix(n * GOLDEN + 1));
    return (mixed >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
