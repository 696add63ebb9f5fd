package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prints throughput figures for the build log; timing is reported, never asserted. */
class PiiCipherBenchmark {

  private static final int WARMUP = 20_000;
  private static final int MEASURED = 50_000;

  @Test
  void printsSealsAndOpensPerSecond() {
    PiiCipher cipher = new PiiCipher(TestKeys.ring("k1", "k1"));
    String context = "verification:6f1c1c1e-9a51-4a4e-9d55-0c2c3c8f7a10:cert_no";
    SealedValue last = null;
    for (int i = 0; i < WARMUP; i++) {
      last = cipher.seal("11010519491231002X", context);
      cipher.open(last, context);
    }

    long sealStart = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) {
      last = cipher.seal("11010519491231002X", context);
    }
    long sealNanos = System.nanoTime() - sealStart;

    long openStart = System.nanoTime();
    String opened = null;
    for (int i = 0; i < MEASURED; i++) {
      opened = cipher.open(last, context);
    }
    long openNanos = System.nanoTime() - openStart;

    System.out.printf(
        "PII benchmark (1 thread, 18-byte cert_no): %,.0f seals/s, %,.0f opens/s%n",
        MEASURED / (sealNanos / 1e9), MEASURED / (openNanos / 1e9));
    assertThat(opened).isEqualTo("11010519491231002X"); // keeps the loops from being optimised away
  }
}
