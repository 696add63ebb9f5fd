package io.facecheck.simulator;

import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.signing.RsaKeys;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Prints throughput and CPU per call; asserts nothing about time. Run with {@code ./mvnw -pl
 * services/alipay-simulator -am -Pbench verify} (not part of the normal build). Settings:
 * -Dbench.concurrency=32 -Dbench.warmupSeconds=20 -Dbench.seconds=30.
 */
class GatewayBenchmark {
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
  private static final Duration WARMUP =
      Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 20));
  private static final Duration MEASURE =
      Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));

  private interface Call {
    void run(int worker, long n) throws Exception;
  }

  @Test
  void sdkClientAtConcurrency32() throws Exception {
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults())) {
      AlipayConfig config = new AlipayConfig();
      config.setServerUrl(sim.gatewayUrl());
      config.setAppId(TestApps.APP_ID);
      config.setPrivateKey(RsaKeys.base64(TestApps.APP_KEYS.getPrivate()));
      config.setAlipayPublicKey(sim.alipayPublicKeyBase64());
      config.setMaxIdleConnections(CONCURRENCY); // okhttp pooling instead of reconnecting
      DefaultAlipayClient client = new DefaultAlipayClient(config);
      String certifyId = client.execute(TestApps.initialize("benchseed", "")).getCertifyId();
      run(
          "SDK DefaultAlipayClient (RSA2): initialize + query",
          (worker, n) -> {
            if (n % 2 == 0) {
              client.execute(TestApps.initialize("b" + worker + "x" + n, "https://m.example/r"));
            } else {
              client.execute(TestApps.query(certifyId));
            }
          });
    }
  }

  @Test
  void presignedRequestsShowTheSimulatorsOwnCeiling() throws Exception {
    try (AlipaySimulator sim = TestApps.startWithApp(SimulatorConfig.defaults())) {
      RawGateway gateway = new RawGateway(sim.gatewayUrl());
      String body =
          RawGateway.form(
              RawGateway.signedParameters(
                  GatewayMethods.QUERY,
                  "{\"certify_id\":\"0123456789abcdef0123456789abcdef\"}",
                  Instant.now(),
                  TestApps.APP_KEYS.getPrivate()));
      run("pre-signed query replayed (client does no RSA)", (worker, n) -> gateway.post(body));
    }
  }

  private static void run(String title, Call call) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < CONCURRENCY; w++) {
      int worker = w;
      Thread thread =
          new Thread(
              () -> {
                for (long n = 0; !stop.get(); n++) {
                  try {
                    call.run(worker, n);
                    calls.incrementAndGet();
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
              });
      thread.start();
      workers.add(thread);
    }
    Thread.sleep(WARMUP.toMillis());
    long calls0 = calls.get();
    long errors0 = errors.get();
    long simCpu0 = simulatorCpuNanos();
    long processCpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    Thread.sleep(MEASURE.toMillis());
    long elapsed = System.nanoTime() - t0;
    long measured = calls.get() - calls0;
    long simCpu = simulatorCpuNanos() - simCpu0;
    long processCpu = processCpuNanos() - processCpu0;
    long failed = errors.get() - errors0;
    stop.set(true);
    for (Thread thread : workers) {
      thread.join();
    }
    System.out.printf(
        "%n=== %s ===%nconcurrency %d, cores %d, warm-up %ds, measured %.1fs%n"
            + "calls/s: %.0f   errors: %d%n"
            + "simulator CPU per call: %.3f ms (its io + rsa threads)%n"
            + "whole JVM CPU per call (client + simulator): %.3f ms%n",
        title,
        CONCURRENCY,
        Runtime.getRuntime().availableProcessors(),
        WARMUP.toSeconds(),
        elapsed / 1e9,
        measured / (elapsed / 1e9),
        failed,
        simCpu / 1e6 / Math.max(1, measured),
        processCpu / 1e6 / Math.max(1, measured));
  }

  private static long simulatorCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("alipay-sim-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
