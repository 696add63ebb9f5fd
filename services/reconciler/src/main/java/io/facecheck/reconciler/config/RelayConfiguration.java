package io.facecheck.reconciler.config;

import io.facecheck.reconciler.relay.ElectedRelay;
import io.facecheck.reconciler.relay.Outbox;
import io.facecheck.reconciler.relay.OutboxRelay;
import io.facecheck.reconciler.relay.RelayLeadership;
import io.facecheck.statemachine.jdbc.OutboxEntry;
import io.facecheck.statemachine.jdbc.OutboxReader;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox relay: one active instance at a time, elected by an advisory lock. */
@Configuration(proxyBeanMethods = false)
public class RelayConfiguration {

  @Bean
  Outbox outbox(DataSource dataSource, Clock clock) {
    OutboxReader reader = new OutboxReader(dataSource, clock);
    return new Outbox() {
      @Override
      public List<OutboxEntry> fetchUnpublished(int limit) {
        return reader.fetchUnpublished(limit);
      }

      @Override
      public int markPublished(List<Long> ids) {
        return reader.markPublished(ids);
      }
    };
  }

  @Bean
  OutboxRelay outboxRelay(
      Outbox outbox, KafkaTemplate<String, String> kafka, ReconcilerProperties properties) {
    return new OutboxRelay(
        outbox, kafka, properties.relayBatch(), ReconcilerConfiguration.SEND_TIMEOUT);
  }

  @Bean
  ElectedRelay electedRelay(
      DataSource dataSource, OutboxRelay relay, ReconcilerProperties properties) {
    return new ElectedRelay(
        new RelayLeadership(dataSource, properties.relayLockKey()),
        relay,
        properties.relayBatch(),
        properties.relayInterval(),
        properties.relayStandbyInterval());
  }

  @Bean
  PollingLoop relayLoop(ElectedRelay relay) {
    return new PollingLoop("relay", relay, relay::close);
  }
}
