package io.facecheck.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.testinfra.TestInfraProperties;
import io.facecheck.testinfra.WholeTopicReader;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake over real HTTP, a real Kafka broker and a real PostgreSQL. Its subclasses share one
 * application and database (the intake consumes nothing, so they cannot take each other's records).
 */
@SpringBootTest(
    classes = IntakeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "facecheck.intake.clients.loan-service.token=" + LiveIntake.LOAN_TOKEN,
      "facecheck.intake.clients.shop-service.token=" + LiveIntake.SHOP_TOKEN,
      "facecheck.callback.secret=" + LiveIntake.CALLBACK_SECRET,
      // the same key as StoredVerifications, so stored rows hash like the intake's parser
      "facecheck.request-hash.key=" + StoredVerifications.REQUEST_HASH_KEY,
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "logging.level.state.change.logger=WARN"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class LiveIntake {

  static final String LOAN_TOKEN = "loan-token-it-0123456789";
  static final String SHOP_TOKEN = "shop-token-it-0123456789";
  static final String CALLBACK_SECRET = "it-callback-secret-of-at-least-32-bytes";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfraProperties.register(registry);
  }

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Autowired DataSource dataSource;

  IntakeHttp intake;
  StoredVerifications verifications;
  WholeTopicReader requests;
  WholeTopicReader callbacks;

  @BeforeAll
  void migrateAndProbe() {
    // the worker owns migrations; the test database gets them here
    Flyway.configure().dataSource(dataSource).load().migrate();
    verifications = new StoredVerifications(dataSource);
    intake = new IntakeHttp(port);
    requests = new WholeTopicReader(bootstrapServers, Topics.REQUESTS);
    callbacks = new WholeTopicReader(bootstrapServers, Topics.CALLBACKS);
  }

  @AfterAll
  void closeProbes() {
    requests.close();
    callbacks.close();
  }

  /** Everything on the topic read, none of it after the mark, and the topic's end unmoved. */
  void assertNothingPublished(WholeTopicReader topic, Map<TopicPartition, Long> mark) {
    assertThat(topic.readToEnd(WholeTopicReader.after(mark))).isEmpty();
    assertThat(topic.mark()).isEqualTo(mark);
  }
}
