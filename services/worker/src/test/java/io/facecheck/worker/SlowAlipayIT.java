package io.facecheck.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.worker.dispatch.kafka.PartitionRevocations;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import io.facecheck.worker.support.TestIdentities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alipay slow (5 s a call) but not failing, so the breaker stays closed, and more records in a
 * batch than the pool finishes within max.poll.interval.ms (15 records, 3 at a time: 25 s of work
 * for a 20 s interval). The batch time budget (4 s) hands back what has not started, so no batch
 * outlives the interval: no partition is revoked, and every request costs exactly one initialize
 * call.
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.instance=slow-it",
      "facecheck.worker.max-poll-interval=20s",
      "facecheck.worker.batch-time-budget=4s",
      "facecheck.worker.max-in-flight=3",
      "facecheck.worker.consumer-concurrency=1",
      "facecheck.worker.alipay.read-timeout=15s"
    })
@DirtiesContext
class SlowAlipayIT {

  private static final String CLIENT = "slow-it";
  private static final String APP_ID = "2021000000000501";
  private static final String INITIALIZE = "alipay.user.certify.open.initialize";
  private static final int REQUESTS = 15;

  private static AlipaySimulator simulator;

  @Autowired JdbcTemplate jdbc;
  @Autowired PartitionRevocations revocations;
  @Autowired KafkaListenerEndpointRegistry listeners;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
    simulator =
        AlipaySimulator.start(
            SimulatorConfig.defaults()
                .withPort(0)
                .withScenario(Scenario.none().withLatency(Latency.fixed(5_000))));
    SimulatedAlipay.registerOwn(registry, simulator, APP_ID);
  }

  @AfterAll
  static void close() {
    simulator.close();
  }

  @Test
  void aSlowAlipayCausesNoRebalanceAndNoDuplicateCall() {
    for (MessageListenerContainer container : listeners.getListenerContainers()) {
      ContainerTestUtils.waitForAssignment(container, 6);
    }
    long revokedBefore = revocations.count();
    long callsBefore = simulator.stats().total(INITIALIZE);
    StoredVerificationReader verifications = new StoredVerificationReader(jdbc, CLIENT);
    List<String> ids = new ArrayList<>();
    try (Producer producer = new Producer()) {
      for (int i = 0; i < REQUESTS; i++) {
        String requestId = "slow-" + i + "-" + UUID.randomUUID();
        ids.add(requestId);
        producer.send(
            Topics.REQUESTS,
            requestId,
            RequestJson.request(
                CLIENT, requestId, TestIdentities.certName(), TestIdentities.certNo()));
      }
      producer.flush();
    }

    for (String requestId : ids) {
      verifications.awaitStatus(requestId, "AWAITING_USER", Duration.ofSeconds(240));
    }
    assertThat(revocations.count() - revokedBefore).as("partitions revoked or lost").isZero();
    assertThat(simulator.stats().total(INITIALIZE) - callsBefore).isEqualTo(REQUESTS);
  }
}
