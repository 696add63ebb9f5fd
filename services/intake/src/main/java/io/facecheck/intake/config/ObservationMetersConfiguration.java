package io.facecheck.intake.config;

import io.facecheck.tracing.meters.UnreadObservationMeters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No timers for the Kafka and facecheck observations (the send of each accepted request and user
 * return; their spans stay): docs/metrics.md needs only {@code http_server_requests_seconds} from
 * intake's observations.
 */
@Configuration(proxyBeanMethods = false)
public class ObservationMetersConfiguration {

  @Bean
  UnreadObservationMeters unreadObservationMeters() {
    return new UnreadObservationMeters();
  }
}
