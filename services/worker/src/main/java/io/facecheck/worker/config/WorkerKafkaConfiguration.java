package io.facecheck.worker.config;

import io.facecheck.contracts.Topics;
import io.facecheck.worker.dispatch.kafka.PartitionRevocations;
import io.facecheck.worker.retry.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka plumbing shared by both listeners: raw byte[] keys and values (a record that is not even
 * UTF-8 must reach the parser, and its dead letter must carry the exact bytes), an idempotent
 * acks=all producer, and batch containers that commit a batch only after every record is done.
 */
@Configuration(proxyBeanMethods = false)
public class WorkerKafkaConfiguration {

  /**
   * A bean, so the context closes its producer when it stops: a KafkaTemplate given a factory never
   * closes it, and the producer would go on reconnecting to a broker long gone.
   */
  @Bean
  DefaultKafkaProducerFactory<byte[], byte[]> workerProducerFactory(
      KafkaProperties kafka, MeterRegistry meters) {
    Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    DefaultKafkaProducerFactory<byte[], byte[]> factory =
        new DefaultKafkaProducerFactory<>(
            props, new ByteArraySerializer(), new ByteArraySerializer());
    // built here, so Boot's customizers never see it: its client metrics are bound by hand
    factory.addListener(new MicrometerProducerListener<>(meters));
    return factory;
  }

  /** Observed: each send is a span and carries the sender's trace context in its headers. */
  @Bean
  KafkaTemplate<byte[], byte[]> workerKafkaTemplate(
      DefaultKafkaProducerFactory<byte[], byte[]> workerProducerFactory) {
    KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(workerProducerFactory);
    template.setObservationEnabled(true);
    return template;
  }

  @Bean
  PartitionRevocations partitionRevocations() {
    return new PartitionRevocations();
  }

  /**
   * A batch listener factory for one consumer group; see {@link WorkerProperties}. The listeners
   * commit themselves ({@code SettlingBatchListener}: only what is finished), so AckMode is MANUAL.
   */
  public static ConcurrentKafkaListenerContainerFactory<byte[], byte[]> batchFactory(
      KafkaProperties kafka,
      WorkerProperties worker,
      String groupId,
      PartitionRevocations revocations,
      MeterRegistry meters) {
    return batchFactory(
        kafka, worker, groupId, revocations, meters, worker.consumerConcurrency(), Map.of());
  }

  /**
   * As above, with its own listener threads and consumer settings on top of {@code spring.kafka.*}
   * (the retry containers: fewer threads, a longer empty-fetch wait).
   */
  public static ConcurrentKafkaListenerContainerFactory<byte[], byte[]> batchFactory(
      KafkaProperties kafka,
      WorkerProperties worker,
      String groupId,
      PartitionRevocations revocations,
      MeterRegistry meters,
      int concurrency,
      Map<String, Object> consumerOverrides) {
    Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
    props.putAll(consumerOverrides);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, worker.maxPollRecords());
    props.put(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) worker.maxPollInterval().toMillis());
    props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    DefaultKafkaConsumerFactory<byte[], byte[]> consumers =
        new DefaultKafkaConsumerFactory<>(
            props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    // as for the producer: Boot's customizers do not reach this factory
    consumers.addListener(new MicrometerConsumerListener<>(meters));
    factory.setConsumerFactory(consumers);
    factory.setBatchListener(true);
    factory.setConcurrency(concurrency);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
    factory.getContainerProperties().setConsumerRebalanceListener(revocations);
    // batch listeners: spring-kafka observes no record of them, SettlingBatchListener does
    factory.getContainerProperties().setObservationEnabled(true);
    // Records are settled one by one (RecordGuard: dead letter for what fails again) and a
    // record's transient failure pauses only its partition without failing the batch
    // (SettlingBatchListener). What still reaches this handler is the broker failing the
    // listener's own commit or seek: the batch is handed to the listener again after a capped
    // back-off for as long as the broker is down (an outage must not drop records), and the
    // records it had finished are skipped, not redone.
    ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
    backOff.setMaxInterval(30_000);
    factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    return factory;
  }

  /**
   * The topics the worker uses, created when missing. Retry topics get as many partitions as their
   * main topic has (asked of the broker when it exists), so a key keeps one partition all along. A
   * convenience for tests and a worker run alone on a bare broker: topics made here get the
   * broker's default retention, not deploy/topics.yaml's (a dead letter would expire in 7 days), so
   * compose and Kubernetes, whose topics come from deploy/topics.yaml, turn it off ({@code
   * facecheck.worker.create-missing-topics=false}).
   */
  @Bean
  @ConditionalOnProperty(
      name = "facecheck.worker.create-missing-topics",
      havingValue = "true",
      matchIfMissing = true)
  KafkaAdmin.NewTopics workerTopics(
      WorkerProperties worker, RetrySchedule schedule, KafkaAdmin kafkaAdmin) {
    int partitions = worker.topicPartitions();
    Map<String, Integer> existing =
        existingPartitions(kafkaAdmin, List.of(Topics.REQUESTS, Topics.QUERIES));
    int requests = existing.getOrDefault(Topics.REQUESTS, partitions);
    int queries = existing.getOrDefault(Topics.QUERIES, partitions);
    List<NewTopic> topics = new ArrayList<>();
    topics.add(topic(Topics.REQUESTS, requests));
    topics.add(topic(Topics.REQUESTS_DLT, requests));
    topics.add(topic(Topics.QUERIES, queries));
    topics.add(topic(Topics.QUERIES_DLT, queries));
    topics.add(topic(Topics.QUERY_RESULTS, partitions));
    schedule.topics(Topics.REQUESTS_RETRY_PREFIX).forEach(t -> topics.add(topic(t, requests)));
    schedule.topics(Topics.QUERIES_RETRY_PREFIX).forEach(t -> topics.add(topic(t, queries)));
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  private static Map<String, Integer> existingPartitions(
      KafkaAdmin kafkaAdmin, List<String> names) {
    Map<String, Integer> found = new HashMap<>();
    Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
    config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    try (AdminClient admin = AdminClient.create(config)) {
      for (String name : names) {
        try {
          TopicDescription description =
              admin
                  .describeTopics(List.of(name))
                  .topicNameValues()
                  .get(name)
                  .get(10, TimeUnit.SECONDS);
          found.put(name, description.partitions().size());
        } catch (ExecutionException | TimeoutException e) {
          // missing (or the broker is slow): fall back to topic-partitions
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return found;
        }
      }
    }
    return found;
  }

  private static NewTopic topic(String name, int partitions) {
    return TopicBuilder.name(name).partitions(partitions).build();
  }
}
