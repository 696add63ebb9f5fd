package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenCertifyModel;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayUserCertifyOpenCertifyRequest;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Verifications per second and client CPU per verification (initialize + certify URL + query),
 * plain {@link DefaultAlipayClient} against {@link KeyCachingAlipayClient}, 32 callers, embedded
 * simulator. Client CPU is the CPU time of the calling threads (the SDK's okhttp calls run on
 * them); the rest of the process (the simulator, GC, JIT) is "rest of the JVM". Prints figures,
 * asserts no timing. Not part of {@code verify}: {@code ./mvnw -B -o -pl services/worker -Pbench
 * verify -Dit.test=AlipayClientSigningBenchmark [-Dbenchmark.verifications=3000
 * -Dbenchmark.warmup=4000 -Dbenchmark.rounds=2]}.
 */
class AlipayClientSigningBenchmark {

  private static final int CONCURRENCY = 32;
  private static final int VERIFICATIONS = Integer.getInteger("benchmark.verifications", 3000);
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 4000);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
  private static final String APP_ID = "2021000000000301";

  record Figures(int verifications, double seconds, long clientCpuNanos, long processCpuNanos) {
    double perSecond() {
      return verifications / seconds;
    }

    double clientCpuMs() {
      return clientCpuNanos / 1e6 / verifications;
    }

    double otherCpuMs() {
      return (processCpuNanos - clientCpuNanos) / 1e6 / verifications;
    }
  }

  @Test
  void keyCachingAgainstThePlainSdkClient() throws Exception {
    AlipayLogger.setNeedEnableLogger(false);
    try (AlipaySimulator simulator =
        AlipaySimulator.start(SimulatorConfig.defaults().withPort(0))) {
      simulator.registerApp(APP_ID, TestKeys.publicKey(TestKeys.APP));
      AlipayConfig config =
          CountingClients.config(simulator.gatewayUrl(), APP_ID, simulator.alipayPublicKeyBase64());
      config.setMaxIdleConnections(CONCURRENCY); // the okhttp pool, as the worker runs it
      AlipayClient plain = new DefaultAlipayClient(config);
      AlipayClient caching = new KeyCachingAlipayClient(config);
      ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
      try {
        // the JIT needs thousands of RSA operations on 2 cores before figures settle
        run(callers, plain, WARMUP);
        run(callers, caching, WARMUP);
        List<Figures> plainRuns = new ArrayList<>();
        List<Figures> cachingRuns = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
          plainRuns.add(print("DefaultAlipayClient", run(callers, plain, VERIFICATIONS)));
          cachingRuns.add(print("KeyCachingAlipayClient", run(callers, caching, VERIFICATIONS)));
        }
        System.out.printf(
            "%nAlipayClientSigningBenchmark: %d x %d verifications (initialize + certify URL +"
                + " query), concurrency %d, %d cores, JDK %s, load average at the end %.2f%n",
            ROUNDS,
            VERIFICATIONS,
            CONCURRENCY,
            Runtime.getRuntime().availableProcessors(),
            Runtime.version(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        summary("DefaultAlipayClient", plainRuns);
        summary("KeyCachingAlipayClient", cachingRuns);
      } finally {
        callers.shutdownNow();
      }
    }
  }

  private static Figures run(ExecutorService callers, AlipayClient client, int verifications)
      throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int perCaller = verifications / CONCURRENCY;
    long processCpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    List<Future<Long>> cpu = new ArrayList<>();
    for (int i = 0; i < CONCURRENCY; i++) {
      cpu.add(callers.submit(() -> verify(client, perCaller)));
    }
    long clientCpu = 0;
    for (Future<Long> nanos : cpu) {
      clientCpu += nanos.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Figures(
        perCaller * CONCURRENCY, seconds, clientCpu, os.getProcessCpuTime() - processCpu);
  }

  /** Runs verifications one after another and returns this thread's CPU time for them. */
  private static long verify(AlipayClient client, int count) throws Exception {
    var threads = ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < count; i++) {
      AlipayUserCertifyOpenInitializeResponse initialized =
          client.execute(
              KeyCachingAlipayClientIT.initialize(UUID.randomUUID().toString().replace("-", "")));
      assertThat(initialized.isSuccess()).isTrue();
      AlipayUserCertifyOpenCertifyModel model = new AlipayUserCertifyOpenCertifyModel();
      model.setCertifyId(initialized.getCertifyId());
      AlipayUserCertifyOpenCertifyRequest certify = new AlipayUserCertifyOpenCertifyRequest();
      certify.setBizModel(model);
      assertThat(client.pageExecute(certify, "GET").getBody()).contains("sign=");
      assertThat(
              client
                  .execute(KeyCachingAlipayClientIT.query(initialized.getCertifyId()))
                  .isSuccess())
          .isTrue();
    }
    return threads.getCurrentThreadCpuTime() - cpu;
  }

  private static Figures print(String label, Figures f) {
    System.out.printf(
        "  %-22s %5d in %5.1f s: %4.0f verifications/s, client CPU %.2f ms, rest of the JVM %.2f ms"
            + " per verification%n",
        label, f.verifications(), f.seconds(), f.perSecond(), f.clientCpuMs(), f.otherCpuMs());
    return f;
  }

  private static void summary(String label, List<Figures> runs) {
    int n = runs.stream().mapToInt(Figures::verifications).sum();
    double seconds = runs.stream().mapToDouble(Figures::seconds).sum();
    long client = runs.stream().mapToLong(Figures::clientCpuNanos).sum();
    long process = runs.stream().mapToLong(Figures::processCpuNanos).sum();
    print(label + " (all)", new Figures(n, seconds, client, process));
  }
}
