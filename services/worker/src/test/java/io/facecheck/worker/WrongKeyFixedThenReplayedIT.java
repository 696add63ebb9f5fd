package io.facecheck.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.testinfra.TestKafka;
import io.facecheck.testinfra.TestPostgres;
import io.facecheck.testinfra.WholeTopicReader;
import io.facecheck.worker.support.Producer;
import io.facecheck.worker.support.RequestJson;
import io.facecheck.worker.support.SimulatedAlipay;
import io.facecheck.worker.support.StoredVerificationReader;
import io.facecheck.worker.support.TestIdentities;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * What ops do about a wrong app private key: the worker dead-letters the request with
 * PROVIDER_CONFIG; ops stop the worker, start it again with the right key, and replay the dead
 * letter onto its original topic. The verification resumes with the same outer_order_no and issues
 * its certify URL once. Runs its own worker (no other one may consume the requests meanwhile).
 */
class WrongKeyFixedThenReplayedIT {

  private static final String CLIENT = "key-fix-it";
  private static final String APP_ID = "2021000000000401";
  private static final Duration WAIT = Duration.ofSeconds(120);

  private final TestPostgres.Database database = TestPostgres.newDatabase();
  private final StoredVerificationReader verifications =
      new StoredVerificationReader(new JdbcTemplate(database.dataSource()), CLIENT);
  private final byte[] piiKey = new byte[32];
  private ConfigurableApplicationContext worker;

  WrongKeyFixedThenReplayedIT() {
    new SecureRandom().nextBytes(piiKey);
  }

  @AfterEach
  void stopWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void resumesToAwaitingUserWithTheSameOrderNumberAndOneCertifyUrl() {
    KeyPair registered = rsa();
    KeyPair wrong = rsa();
    AlipaySimulator simulator = SimulatedAlipay.simulator();
    simulator.registerApp(APP_ID, base64(registered.getPublic().getEncoded()));
    String requestId = "wrong-key-" + UUID.randomUUID();

    try (Producer producer = new Producer();
        WholeTopicReader deadLetters = new WholeTopicReader(Topics.REQUESTS_DLT)) {
      Set<Thread> producersBefore = producerThreads();
      worker = startWorker(wrong, "key-fix-1");
      producer.send(
          Topics.REQUESTS,
          requestId,
          RequestJson.request(
              CLIENT, requestId, TestIdentities.certName(), TestIdentities.certNo()));
      producer.flush();

      Map<String, Object> parked = verifications.awaitStatus(requestId, "DEAD_LETTERED", WAIT);
      assertThat(parked.get("dead_letter_reason")).isEqualTo("PROVIDER_CONFIG");
      List<ConsumerRecord<byte[], byte[]>> letters =
          deadLetters.awaitMatching(
              r -> StoredVerificationReader.key(r).equals(requestId), 1, WAIT);
      assertThat(letters).hasSize(1);
      ConsumerRecord<byte[], byte[]> letter = letters.get(0);
      assertThat(StoredVerificationReader.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC))
          .isEqualTo(Topics.REQUESTS);

      // ops: ask PostgreSQL for the replay (a record on the topic alone resumes nothing), stop the
      // worker, configure the right private key, start it, replay the dead letter
      VerificationStore store = worker.getBean(VerificationStore.class);
      Verification deadLettered = store.find((UUID) parked.get("id")).orElseThrow();
      assertThat(store.requestReplay(deadLettered.id(), deadLettered.version(), "ops@it")).isTrue();
      Set<Thread> producersOfTheWorker = producerThreads();
      producersOfTheWorker.removeAll(producersBefore);
      assertThat(producersOfTheWorker).as("the dead letter went through a producer").isNotEmpty();
      worker.close();
      assertThat(producersOfTheWorker)
          .as("producers still running after their worker stopped")
          .noneMatch(Thread::isAlive);
      worker = startWorker(registered, "key-fix-2");
      producer.replay(
          letter, StoredVerificationReader.header(letter, DeadLetterHeaders.ORIGINAL_TOPIC));
      producer.flush();

      Map<String, Object> resumed = verifications.awaitStatus(requestId, "AWAITING_USER", WAIT);
      UUID id = (UUID) resumed.get("id");
      assertThat(resumed.get("outer_order_no")).isEqualTo(parked.get("outer_order_no"));
      assertThat(resumed.get("certify_url").toString()).startsWith(simulator.gatewayUrl());
      assertThat(verifications.statusesOf(id))
          .containsExactly(
              "RECEIVED", "INITIALIZING", "DEAD_LETTERED", "INITIALIZING", "AWAITING_USER");
      assertThat(verifications.outbox(id))
          .singleElement()
          .satisfies(
              e -> assertThat(e.get("event_type")).isEqualTo("verification.certify_url_issued"));
    }
  }

  /** A worker as ops start it: one app, {@code appKeys}' private key configured for it. */
  private ConfigurableApplicationContext startWorker(KeyPair appKeys, String instance) {
    AlipaySimulator simulator = SimulatedAlipay.simulator();
    String app = "--facecheck.worker.alipay.apps.default.";
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + database.jdbcUrl());
    args.add("--spring.datasource.username=" + database.user());
    args.add("--spring.datasource.password=" + database.password());
    args.add("--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers());
    args.add("--server.port=0");
    args.add("--facecheck.worker.instance=" + instance);
    args.add("--facecheck.worker.retry.initial-backoff=20ms");
    args.add("--facecheck.worker.retry.max-backoff=100ms");
    args.add("--facecheck.pii.keys=k1:" + base64(piiKey));
    args.add("--facecheck.pii.active-key-id=k1");
    args.add("--facecheck.callback.secret=test-callback-secret-of-at-least-32-bytes!");
    args.add("--facecheck.request-hash.key=" + SimulatedAlipay.REQUEST_HASH_KEY);
    args.add(app + "app-id=" + APP_ID);
    args.add(app + "private-key=" + base64(appKeys.getPrivate().getEncoded()));
    args.add(app + "alipay-public-key=" + simulator.alipayPublicKeyBase64());
    args.add(app + "gateway-url=" + simulator.gatewayUrl());
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(WorkerApplication.class)
            .registerShutdownHook(false)
            .run(args.toArray(String[]::new));
    for (MessageListenerContainer container :
        context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()) {
      ContainerTestUtils.waitForAssignment(container, 6);
    }
    return context;
  }

  /** Each Kafka producer has one network thread, named after it, until it is closed. */
  private static Set<Thread> producerThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("kafka-producer-network-thread")) {
        threads.add(t);
      }
    }
    return threads;
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
