package io.facecheck.reconciler.config;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Kafka on top of Boot's spring.kafka.* settings (servers, security), with the settings the
 * reconciler's guarantees depend on fixed here rather than left to configuration.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcilerKafkaConfiguration {

  /**
   * Idempotent, acks=all, at most 5 in flight: Kafka keeps one key's records in send order even
   * across retries, which is what keeps one verification's result events in order.
   */
  @Bean
  DefaultKafkaProducerFactoryCustomizer reliableProducer() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
  }

  /**
   * Offsets are committed by the container after a batch is handled, never on a timer. Keys and
   * values stay bytes: a record that is not even UTF-8 must reach the reader (and be dead-lettered
   * as NOT_UTF8), and a dead letter must carry the exact bytes that arrived.
   */
  @Bean
  DefaultKafkaConsumerFactoryCustomizer manualCommitConsumer() {
    return factory ->
        factory.updateConfigs(
            Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
  }

  /** Observed: queries and relayed results carry the trace context they were sent in. */
  @Bean
  KafkaTemplate<String, String> kafkaTemplate(ProducerFactory<String, String> producers) {
    KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
    template.setObservationEnabled(true);
    return template;
  }

  /**
   * Batch listeners: a batch's queries are sent together and awaited once. A record that fails is
   * named to the error handler ({@link ErrorHandlingConfiguration}), which retries or dead-letters
   * it alone; nothing is ever skipped.
   */
  @Bean
  ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumers,
      DefaultErrorHandler reconcilerErrorHandler) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    factory.setBatchListener(true);
    // batch listeners: spring-kafka observes no record of them, RecordBatches does
    factory.getContainerProperties().setObservationEnabled(true);
    factory.setCommonErrorHandler(reconcilerErrorHandler);
    return factory;
  }
}
