package io.facecheck.reconciler.config;

import io.facecheck.reconciler.relay.RelayLeadership;
import io.facecheck.reconciler.retention.ElectedPurge;
import io.facecheck.reconciler.retention.RetentionPurge;
import io.facecheck.reconciler.retention.jdbc.LockSessionRetentionStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retention purge: one active instance at a time, elected by an advisory lock of its own (so
 * the relay's leader and the purge's may differ, and a long purge round never delays the relay).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
@ConditionalOnProperty(
    name = "facecheck.reconciler.retention.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class RetentionConfiguration {

  @Bean
  ElectedPurge electedPurge(
      DataSource dataSource, RetentionProperties retention, Clock clock, TimelineSource source) {
    RelayLeadership leadership =
        new RelayLeadership(dataSource, retention.lockKey(), "the retention purge");
    LockSessionRetentionStore store =
        new LockSessionRetentionStore(
            leadership, clock, source.name(), retention.eraseIdentityAfter().toString());
    return new ElectedPurge(
        leadership,
        new RetentionPurge(store, retention.policy(), clock),
        retention.interval(),
        retention.batchPause());
  }

  @Bean
  PollingLoop retentionLoop(ElectedPurge purge) {
    return new PollingLoop("retention", purge, purge::close);
  }
}
