package io.facecheck.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.TestIdentities;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests per second from produce to AWAITING_USER, at 0 ms and 200 ms of simulated Alipay
 * latency, 6 partitions. Prints figures, asserts no timing. Not part of {@code verify}; run with
 * {@code ./mvnw -pl services/worker -Pbench verify -Dit.test=WorkerThroughputBenchmark
 * [-Dbenchmark.requests=3000]}.
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.instance=benchmark",
      "logging.level.io.facecheck=INFO"
    })
@DirtiesContext
class WorkerThroughputBenchmark {

  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 2000);
  private static final int WARMUP = Integer.getInteger("benchmark.warmup", 1500);

  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @org.springframework.beans.factory.annotation.Value("${facecheck.worker.max-in-flight:64}")
  String maxInFlight;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
    SimulatedAlipay.register(registry);
  }

  @Test
  void throughputAtZeroAndTwoHundredMillisecondsOfLatency() {
    listeners.getListenerContainers().forEach(c -> ContainerTestUtils.waitForAssignment(c, 6));
    try (Producer producer = new Producer()) {
      SimulatedAlipay.simulator().setScenario(Scenario.none());
      run(producer, "warmup", WARMUP); // the JIT needs thousands of RSA operations to settle
      double none = run(producer, "0ms", REQUESTS);
      SimulatedAlipay.simulator().setScenario(Scenario.none().withLatency(Latency.fixed(200)));
      double slow = run(producer, "200ms", REQUESTS);
      SimulatedAlipay.simulator().setScenario(Scenario.none());
      System.out.printf(
          "%nWorkerThroughputBenchmark: %d requests, 6 partitions, max-in-flight %s, %d cores, JDK %s%n"
              + "  Alipay latency   0 ms: %.0f requests/s%n"
              + "  Alipay latency 200 ms: %.0f requests/s (one call per partition would cap it at 30/s)%n",
          REQUESTS,
          maxInFlight,
          Runtime.getRuntime().availableProcessors(),
          Runtime.version(),
          none,
          slow);
      assertThat(none).isPositive();
      assertThat(slow).isPositive();
    }
  }

  private double run(Producer producer, String label, int count) {
    String client = "bench-" + label.toLowerCase().replaceAll("[^a-z0-9]", "");
    String prefix = UUID.randomUUID().toString().substring(0, 8);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String requestId = prefix + "-" + i;
      producer.send(
          Topics.REQUESTS,
          requestId,
          RequestJson.request(
              client, requestId, TestIdentities.certName(), TestIdentities.certNo()));
    }
    producer.flush();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    long done = 0;
    while (done < count && System.nanoTime() < deadline) {
      sleep();
      done =
          jdbc.queryForObject(
              "SELECT count(*) FROM verifications WHERE client_id = ? AND request_id LIKE ?"
                  + " AND status = 'AWAITING_USER'",
              Long.class,
              client,
              prefix + "-%");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = done / seconds;
    System.out.printf(
        "  %-6s %d/%d AWAITING_USER in %.1f s: %.0f/s%n", label, done, count, seconds, perSecond);
    assertThat(done).isEqualTo(count);
    return perSecond;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
