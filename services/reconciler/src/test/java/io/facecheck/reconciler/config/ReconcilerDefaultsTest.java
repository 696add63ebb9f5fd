package io.facecheck.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.reconciler.ReconcilerApplication;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;

class ReconcilerDefaultsTest {

  @Test
  void appliesItsDefaultsToTheReconciler() {
    StandardEnvironment env = new StandardEnvironment();

    new ReconcilerDefaults()
        .postProcessEnvironment(env, new SpringApplication(ReconcilerApplication.class));

    assertThat(env.getProperty("management.server.port")).isEqualTo("8082");
    assertThat(env.getProperty("server.port")).isEqualTo("8082");
    assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("false");
  }

  /**
   * Boot builds the listeners' consumers from spring.kafka.*: an idle consumer asks the broker
   * every 2 s, not every 500 ms (README, "Kafka clients"); a record still ends the wait at once.
   */
  @Test
  void theConsumersHoldAnEmptyFetchTwoSeconds() {
    StandardEnvironment env = new StandardEnvironment();

    new ReconcilerDefaults()
        .postProcessEnvironment(env, new SpringApplication(ReconcilerApplication.class));

    Map<String, Object> consumer =
        Binder.get(env)
            .bindOrCreate("spring.kafka", KafkaProperties.class)
            .buildConsumerProperties();
    assertThat(consumer)
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2_000)
        .doesNotContainKey(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
  }

  @Test
  void letsTheLaunchersPropertiesWin() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(new DefaultPropertiesPropertySource(Map.of("management.server.port", "9182")));

    new ReconcilerDefaults()
        .postProcessEnvironment(env, new SpringApplication(ReconcilerApplication.class));

    assertThat(env.getProperty("management.server.port")).isEqualTo("9182");
    assertThat(env.getProperty("server.port")).isEqualTo("9182");
    assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("false");
  }

  @Test
  void leavesOtherApplicationsAlone() {
    StandardEnvironment env = new StandardEnvironment();

    new ReconcilerDefaults().postProcessEnvironment(env, new SpringApplication(Object.class));

    assertThat(env.getProperty("management.server.port")).isNull();
  }
}
