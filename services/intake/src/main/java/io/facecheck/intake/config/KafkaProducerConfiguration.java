package io.facecheck.intake.config;

import io.facecheck.intake.kafka.AcknowledgedSender;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;

/**
 * One producer for the whole intake, built from {@code spring.kafka.*} with the settings the
 * pipeline's guarantees depend on forced on: idempotence, acks=all, raw bytes (a request is
 * forwarded exactly as the client sent it).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaProducerConfiguration {

  @Bean
  ProducerFactory<String, byte[]> intakeProducerFactory(
      KafkaProperties kafka, IntakeProperties intake, MeterRegistry meters) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    // small: each HTTP request waits for its own ack, concurrent ones share a batch
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    // a broker that is down must not hold a request thread longer than the publish timeout
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, intake.publishTimeout().toMillis());
    DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
    // built here, so Boot's customizers never see it: its client metrics are bound by hand
    factory.addListener(new MicrometerProducerListener<>(meters));
    return factory;
  }

  /** Observed: a published request or callback continues the HTTP request's trace. */
  @Bean
  KafkaTemplate<String, byte[]> intakeKafkaTemplate(ProducerFactory<String, byte[]> factory) {
    KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
    template.setObservationEnabled(true);
    return template;
  }

  @Bean
  AcknowledgedSender acknowledgedSender(
      KafkaTemplate<String, byte[]> template, IntakeProperties intake) {
    return new AcknowledgedSender(template, intake.publishTimeout());
  }
}
