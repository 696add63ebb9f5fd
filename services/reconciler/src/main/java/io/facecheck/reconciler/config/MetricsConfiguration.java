package io.facecheck.reconciler.config;

import io.facecheck.reconciler.metrics.Backlogs;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters read on a timer rather than counted in a use case (those are wired in {@link
 * ReconcilerConfiguration} and {@link RelayConfiguration}): ladder and outbox backlogs. Boot binds
 * the Kafka client metrics itself (the reconciler's factories are Boot's own); the worker's
 * admin-API lag reader is not repeated here: one group, whose lag its own consumers report.
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
}
