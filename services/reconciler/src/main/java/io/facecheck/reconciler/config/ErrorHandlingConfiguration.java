package io.facecheck.reconciler.config;

import io.facecheck.contracts.Topics;
import io.facecheck.reconciler.deadletter.FailureClassifier;
import io.facecheck.reconciler.deadletter.FailureHandling;
import io.facecheck.reconciler.deadletter.kafka.DeadLetterPublisher;
import io.facecheck.reconciler.deadletter.kafka.FailureHistory;
import io.facecheck.tracing.kafka.RecordKey;
import io.facecheck.tracing.kafka.RecordObservations;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a record the listeners could not handle (README, "Error handling"). The listener
 * names the failed record; everything before it is committed. Then, by {@link FailureClassifier}:
 *
 * <ul>
 *   <li>DEAD_LETTER_NOW (unreadable, unknown schema_version, UNSTORABLE): to its dead-letter topic
 *       at once;
 *   <li>RETRY_BRIEFLY: {@code transient-retries} retries 1 s, 2 s, 4 s, … apart, then
 *       RETRIES_EXHAUSTED;
 *   <li>WAIT_FOR_DATABASE: the partition waits for PostgreSQL, retrying 1 s up to 30 s apart, for
 *       at most {@code database-outage-patience}; only then is that one record dead-lettered
 *       (RETRIES_EXHAUSTED), and the next record starts its own wait. An outage thus costs no dead
 *       letters unless it outlasts the patience, and then one per partition per patience.
 * </ul>
 *
 * A dead letter that Kafka does not acknowledge fails the recovery: the record stays, its retries
 * start over, and nothing is committed past it. No failure is retried without bound.
 */
@Configuration(proxyBeanMethods = false)
public class ErrorHandlingConfiguration {

  /** The longest pause between two tries while PostgreSQL is away: well below max.poll.interval. */
  static final Duration MAX_OUTAGE_PAUSE = Duration.ofSeconds(30);

  /**
   * Raw bytes, over a copy of the reconciler's reliable producer settings (idempotent, acks=all);
   * the template closes its copy of the factory with the context.
   */
  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  KafkaTemplate<byte[], byte[]> deadLetterTemplate(ProducerFactory<String, String> producers) {
    KafkaTemplate<byte[], byte[]> template =
        new KafkaTemplate<>(
            (ProducerFactory) producers,
            Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    // a dead letter continues the trace of the record that failed (the listener's span)
    template.setObservationEnabled(true);
    return template;
  }

  @Bean
  FailureHistory failureHistory(Clock clock) {
    return new FailureHistory(clock);
  }

  @Bean
  DeadLetterPublisher deadLetterPublisher(
      KafkaTemplate<byte[], byte[]> deadLetterTemplate,
      FailureHistory history,
      Clock clock,
      ReconcilerProperties properties) {
    return new DeadLetterPublisher(
        deadLetterTemplate, history, clock, properties.deadLetterSendTimeout());
  }

  @Bean
  DefaultErrorHandler reconcilerErrorHandler(
      DeadLetterPublisher publisher,
      FailureHistory history,
      ReconcilerProperties properties,
      KafkaProperties kafka,
      ObjectProvider<ObservationRegistry> observationRegistry) {
    BackOff briefly = briefRetries(properties.transientRetries());
    BackOff outage = outageWait(properties.databaseOutagePatience());
    // the dead letter is sent in a span of the failed record: it, and an ops replay of it,
    // continue the record's trace
    RecordObservations observations =
        new RecordObservations(
            observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
            "reconciler-dead-letters",
            kafka.getConsumer().getGroupId(),
            RecordKey.VERIFICATION_ID);
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, failure) -> observations.run(record, () -> publisher.accept(record, failure)),
            briefly);
    handler.setBackOffFunction(
        (record, failure) ->
            switch (FailureClassifier.classify(unwrap(failure)).handling()) {
              case DEAD_LETTER_NOW -> new FixedBackOff(0, 0);
              case RETRY_BRIEFLY -> briefly;
              case WAIT_FOR_DATABASE -> outage;
            });
    handler.setRetryListeners(history);
    return handler;
  }

  /**
   * The reconciler's dead-letter topics, created when missing (ops and the devstack read them). A
   * convenience for tests and a bare broker: made here they get the broker's default retention, not
   * deploy/topics.yaml's 30 days, so compose and Kubernetes turn it off ({@code
   * facecheck.reconciler.create-missing-topics=false}).
   */
  @Bean
  @ConditionalOnProperty(
      name = "facecheck.reconciler.create-missing-topics",
      havingValue = "true",
      matchIfMissing = true)
  KafkaAdmin.NewTopics reconcilerDeadLetterTopics(ReconcilerProperties properties) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(Topics.CALLBACKS_DLT).partitions(properties.topicPartitions()).build(),
        TopicBuilder.name(Topics.QUERY_RESULTS_DLT)
            .partitions(properties.topicPartitions())
            .build());
  }

  static BackOff briefRetries(int retries) {
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retries);
    backOff.setInitialInterval(1_000);
    backOff.setMultiplier(2.0);
    backOff.setMaxInterval(MAX_OUTAGE_PAUSE.toMillis());
    return backOff;
  }

  static BackOff outageWait(Duration patience) {
    ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
    backOff.setMaxInterval(Math.min(MAX_OUTAGE_PAUSE.toMillis(), patience.toMillis()));
    backOff.setMaxElapsedTime(patience.toMillis());
    return backOff;
  }

  /** The listener's own failure, out of the container's and the batch adapter's wrappers. */
  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ListenerExecutionFailedException
            || t instanceof BatchListenerFailedException)
        && t.getCause() != null
        && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** Visible for the README table: the handling each failure kind gets. */
  static FailureHandling handlingOf(Throwable failure) {
    return FailureClassifier.classify(unwrap(failure)).handling();
  }
}
