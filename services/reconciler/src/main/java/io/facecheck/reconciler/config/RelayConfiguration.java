package io.facecheck.reconciler.config;

import io.facecheck.reconciler.metrics.RelayMeters;
import io.facecheck.reconciler.relay.ElectedRelay;
import io.facecheck.reconciler.relay.LockSessionOutbox;
import io.facecheck.reconciler.relay.Outbox;
import io.facecheck.reconciler.relay.OutboxRelay;
import io.facecheck.reconciler.relay.RelayLeadership;
import io.facecheck.tracing.outbox.OutboxTraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox relay: one active instance at a time, elected and fenced by an advisory lock. */
@Configuration(proxyBeanMethods = false)
public class RelayConfiguration {

  @Bean
  RelayLeadership relayLeadership(DataSource dataSource, ReconcilerProperties properties) {
    return new RelayLeadership(dataSource, properties.relayLockKey());
  }

  /** Fenced: read and marked only on the session that holds the relay lock. */
  @Bean
  Outbox outbox(RelayLeadership leadership, Clock clock) {
    return new LockSessionOutbox(leadership, clock);
  }

  @Bean
  OutboxRelay outboxRelay(
      Outbox outbox,
      KafkaTemplate<String, String> kafka,
      ReconcilerProperties properties,
      ObjectProvider<ObservationRegistry> observations,
      MeterRegistry meters) {
    return new OutboxRelay(
        outbox,
        kafka,
        properties.relayBatch(),
        ReconcilerConfiguration.SEND_TIMEOUT,
        new OutboxTraceContext(observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
        new RelayMeters(meters));
  }

  @Bean
  ElectedRelay electedRelay(
      RelayLeadership leadership,
      OutboxRelay relay,
      ReconcilerProperties properties,
      MeterRegistry meters) {
    ElectedRelay elected =
        new ElectedRelay(
            leadership,
            relay,
            properties.relayBatch(),
            properties.relayInterval(),
            properties.relayStandbyInterval());
    RelayMeters.bindLeadership(meters, elected);
    return elected;
  }

  @Bean
  PollingLoop relayLoop(ElectedRelay relay) {
    return new PollingLoop("relay", relay, relay::close);
  }
}
