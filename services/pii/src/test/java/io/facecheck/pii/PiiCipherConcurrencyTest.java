package io.facecheck.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PiiCipherConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 500;

  @Test
  void sharedCipherSealsAndOpensCorrectlyFromManyThreads() throws Exception {
    PiiCipher cipher = new PiiCipher(TestKeys.ring("k2", "k1", "k2"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<SealedValue>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        Callable<List<SealedValue>> work =
            () -> {
              start.await();
              List<SealedValue> sealed = new ArrayList<>();
              for (int i = 0; i < PER_THREAD; i++) {
                String context = "verification:" + thread + "-" + i + ":cert_name";
                SealedValue value = cipher.seal("张三" + thread + "-" + i, context);
                assertThat(cipher.open(value, context)).isEqualTo("张三" + thread + "-" + i);
                sealed.add(value);
              }
              return sealed;
            };
        futures.add(pool.submit(work));
      }
      start.countDown();

      Set<String> ivs = new HashSet<>();
      for (Future<List<SealedValue>> future : futures) {
        for (SealedValue value : future.get()) {
          ivs.add(java.util.HexFormat.of().formatHex(value.ciphertext(), 0, 12));
        }
      }
      assertThat(ivs).hasSize(THREADS * PER_THREAD);
    } finally {
      pool.shutdownNow();
    }
  }
}
