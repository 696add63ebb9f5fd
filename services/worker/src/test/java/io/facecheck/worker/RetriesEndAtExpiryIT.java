package io.facecheck.worker;

import static io.facecheck.worker.support.StoredVerificationReader.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.GatewayMethods;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import io.facecheck.worker.support.TestIdentities;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A start that keeps failing transiently while its retry hops outlast the verification's TTL ends
 * EXPIRED at expires_at, a final status its caller hears about, instead of waiting in DEAD_LETTERED
 * for an ops replay that could only expire it too. Retry hops of 5 s and 90 s against the shortest
 * TTL a request may ask for (60 s): the second hop would come after expires_at.
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.instance=expiry-it",
      "facecheck.worker.retry.initial-backoff=20ms",
      "facecheck.worker.retry.max-backoff=100ms",
      "facecheck.worker.retry.topic-delays=5s,90s"
    })
@DirtiesContext
class RetriesEndAtExpiryIT {

  private static final String CLIENT = "expiry-it";
  private static final String APP_ID = "2021000000000302";
  private static final int TTL_SECONDS = 60;

  private static AlipaySimulator simulator;
  private static Producer producer;
  private static WholeTopicReader requestDeadLetters;

  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
    simulator = AlipaySimulator.start(SimulatorConfig.defaults().withPort(0));
    SimulatedAlipay.registerOwn(registry, simulator, APP_ID);
  }

  @BeforeAll
  static void clients() {
    producer = new Producer();
    requestDeadLetters = new WholeTopicReader(Topics.REQUESTS_DLT);
  }

  @AfterAll
  static void close() {
    producer.close();
    requestDeadLetters.close();
    simulator.close();
  }

  @Test
  void aStartStillFailingAtExpiresAtEndsExpiredAndIsNeverDeadLettered() {
    simulator.setScenario(
        Scenario.none()
            .withFaults(GatewayMethods.INITIALIZE, MethodFaults.of(Fault.SYSTEM_ERROR, 1.0)));
    String requestId = "outlasted-" + UUID.randomUUID();
    producer.send(
        Topics.REQUESTS,
        requestId,
        RequestJson.request(
            CLIENT,
            requestId,
            TestIdentities.certName(),
            TestIdentities.certNo(),
            "default",
            TTL_SECONDS));
    producer.flush();

    Map<String, Object> row =
        new StoredVerificationReader(jdbc, CLIENT)
            .awaitStatus(requestId, "EXPIRED", Duration.ofSeconds(TTL_SECONDS + 60));

    assertThat(causesInto(row.get("id"), "EXPIRED")).containsExactly("EXPIRED_BEFORE_START");
    assertThat(causesInto(row.get("id"), "DEAD_LETTERED")).isEmpty();
    assertThat(requestDeadLetters.readToEnd(r -> key(r).equals(requestId), Duration.ofSeconds(30)))
        .isEmpty();
    // it was tried on the first delivery and after the first hop, then expired at expires_at
    assertThat(simulator.stats().calls().get(GatewayMethods.INITIALIZE))
        .containsKey("system_error");
  }

  private java.util.List<String> causesInto(Object id, String status) {
    return jdbc.queryForList(
        "SELECT cause FROM verification_transitions WHERE verification_id = ? AND to_status = ?",
        String.class,
        id,
        status);
  }
}
