package io.facecheck.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.worker.WorkerApplication;
import io.facecheck.worker.dispatch.kafka.PartitionRevocations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * The consumer settings that keep idle consumers cheap for the broker (README, "Kafka clients"):
 * lose one and this fails, not only a benchmark.
 */
class ConsumerSettingsTest {

  private final StandardEnvironment env = defaults();
  private final KafkaProperties kafka =
      Binder.get(env).bindOrCreate("spring.kafka", KafkaProperties.class);
  private final WorkerProperties worker =
      Binder.get(env).bindOrCreate("facecheck.worker", WorkerProperties.class);

  @Test
  void theRequestsAndQueriesConsumersHoldAnEmptyFetchTwoSecondsWithThreeThreads() {
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
        WorkerKafkaConfiguration.batchFactory(
            kafka,
            worker,
            "facecheck-worker-requests",
            new PartitionRevocations(),
            new SimpleMeterRegistry());

    assertThat(factory.createContainer("verification-requests").getConcurrency()).isEqualTo(3);
    assertThat(config(factory))
        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 2_000)
        .as("a record ends the wait at once")
        .doesNotContainKey(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
  }

  @Test
  void eachRetryContainerRunsOneConsumerThatHoldsAnEmptyFetchFiveSeconds() {
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
        WorkerKafkaConfiguration.batchFactory(
            kafka,
            worker,
            "facecheck-worker-requests-retry",
            new PartitionRevocations(),
            new SimpleMeterRegistry(),
            worker.retryConsumerConcurrency(),
            RetryListenerConfiguration.retryConsumerSettings(worker));

    assertThat(factory.createContainer("verification-requests-retry-5s").getConcurrency())
        .isEqualTo(1);
    assertThat(config(factory)).containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5_000);
  }

  private static StandardEnvironment defaults() {
    StandardEnvironment env = new StandardEnvironment();
    new WorkerDefaults()
        .postProcessEnvironment(env, new SpringApplication(WorkerApplication.class));
    return env;
  }

  /** Every consumer of the factory's containers is created from this configuration. */
  private static Map<String, Object> config(
      ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory) {
    return factory.getConsumerFactory().getConfigurationProperties();
  }
}
