package io.facecheck.worker.config;

import io.facecheck.worker.alipay.AlipayCircuitBreakers;
import io.facecheck.worker.metrics.ConsumerGroupLag;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Meters that are not wired into a use case's beans (those are, in {@link WorkerConfiguration} and
 * {@link WorkerKafkaConfiguration}): the breakers' state and refused calls, and the consumer
 * groups' lag. docs/metrics.md lists every series.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  private static final Duration LAG_EVERY = Duration.ofSeconds(15);

  /** Boot binds every MeterBinder bean: breakers created later are bound as they appear. */
  @Bean
  MeterBinder alipayBreakerMetrics(AlipayCircuitBreakers breakers) {
    return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers.registry());
  }

  @Bean(destroyMethod = "close")
  ConsumerGroupLag consumerGroupLag(
      MeterRegistry meters, KafkaAdmin kafkaAdmin, WorkerProperties worker) {
    return new ConsumerGroupLag(
        meters,
        kafkaAdmin.getConfigurationProperties(),
        List.of(
            worker.requestsGroupId(),
            worker.requestsGroupId() + "-retry",
            worker.queriesGroupId(),
            worker.queriesGroupId() + "-retry"),
        LAG_EVERY);
  }
}
