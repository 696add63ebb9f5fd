package io.facecheck.worker;

import io.facecheck.contracts.Topics;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import io.facecheck.worker.support.UsedPii;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker on a real Kafka broker, a real PostgreSQL and the embedded Alipay simulator, called
 * through the real alipay-sdk-java: one worker and one fresh database per test class, the worker
 * stopped after it (no two consume the requests at once).
 */
@SpringBootTest(
    classes = WorkerApplication.class,
    properties = {
      "server.port=0",
      "facecheck.worker.retry.initial-backoff=20ms",
      "facecheck.worker.retry.max-backoff=100ms",
      "facecheck.worker.instance=it"
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
abstract class LiveWorker {

  static final Duration WAIT = Duration.ofSeconds(120);
  static final String CLIENT = "loan-service";
  static final UsedPii PII = new UsedPii();

  static Producer producer;
  static WholeTopicReader requestDeadLetters;
  static WholeTopicReader queryResults;

  @Autowired JdbcTemplate jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;

  /** Both listeners own all 6 partitions before a test produces (a slow first rebalance). */
  @BeforeEach
  void listenersAssigned() {
    for (MessageListenerContainer container : listeners.getListenerContainers()) {
      ContainerTestUtils.waitForAssignment(container, 6);
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
    SimulatedAlipay.register(registry);
  }

  @BeforeAll
  static void clients() {
    producer = new Producer();
    requestDeadLetters = new WholeTopicReader(Topics.REQUESTS_DLT);
    queryResults = new WholeTopicReader(Topics.QUERY_RESULTS);
  }

  @AfterAll
  static void closeClients() {
    producer.close();
    requestDeadLetters.close();
    queryResults.close();
  }

  void sendRequest(String requestId, String certName, String certNo) {
    producer.send(
        Topics.REQUESTS, requestId, RequestJson.request(CLIENT, requestId, certName, certNo));
    producer.flush();
  }

  Map<String, Object> awaitStatus(String requestId, String status) {
    return verifications().awaitStatus(requestId, status, WAIT);
  }

  List<String> statusesOf(UUID id) {
    return verifications().statusesOf(id);
  }

  List<Map<String, Object>> outbox(UUID id) {
    return verifications().outbox(id);
  }

  static String name() {
    return PII.name();
  }

  static String certNo() {
    return PII.certNo();
  }

  static void assertNoPiiLogged(CapturedOutput output) {
    PII.assertNotLogged(output);
  }

  private StoredVerificationReader verifications() {
    return new StoredVerificationReader(jdbc, CLIENT);
  }
}
