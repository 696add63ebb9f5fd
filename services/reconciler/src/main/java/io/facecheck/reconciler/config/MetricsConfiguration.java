package io.facecheck.reconciler.config;

import io.facecheck.reconciler.metrics.Backlogs;
import io.facecheck.reconciler.metrics.ConsumerGroupLag;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Meters read on a timer rather than counted in a use case (those are wired in {@link
 * ReconcilerConfiguration} and {@link RelayConfiguration}): ladder and outbox backlogs, consumer
 * lag. Boot binds the Kafka client metrics itself: the reconciler's factories are Boot's own.
 * docs/metrics.md lists every series.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  private static final Duration EVERY = Duration.ofSeconds(15);

  @Bean(destroyMethod = "close")
  Backlogs backlogs(
      MeterRegistry meters, DataSource dataSource, Clock clock, ReconcilerProperties properties) {
    // a due query no reconciler claimed within a lease's time is overdue: claims renew it
    return new Backlogs(meters, dataSource, clock, properties.claimLease(), EVERY);
  }

  @Bean(destroyMethod = "close")
  ConsumerGroupLag consumerGroupLag(
      MeterRegistry meters, KafkaAdmin kafkaAdmin, KafkaProperties kafka) {
    return new ConsumerGroupLag(
        meters,
        kafkaAdmin.getConfigurationProperties(),
        List.of(kafka.getConsumer().getGroupId()),
        EVERY);
  }
}
