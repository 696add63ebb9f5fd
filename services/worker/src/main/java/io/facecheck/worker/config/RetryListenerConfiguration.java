package io.facecheck.worker.config;

import io.facecheck.contracts.Topics;
import io.facecheck.tracing.kafka.RecordKey;
import io.facecheck.tracing.kafka.RecordObservations;
import io.facecheck.worker.alipay.AlipayCircuitBreakers;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.deadletter.kafka.ConsumedRecords;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.PoisonRecords;
import io.facecheck.worker.dispatch.RecordGuard;
import io.facecheck.worker.dispatch.kafka.DatabaseAndBrokerFailures;
import io.facecheck.worker.dispatch.kafka.PartitionRevocations;
import io.facecheck.worker.initiation.InitiationService;
import io.facecheck.worker.initiation.UnprocessableRequests;
import io.facecheck.worker.query.QueryService;
import io.facecheck.worker.query.UnprocessableQueries;
import io.facecheck.worker.retry.RetrySchedule;
import io.facecheck.worker.retry.kafka.OutagePauses;
import io.facecheck.worker.retry.kafka.RetryTopicListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * One container per main topic for all its retry topics (groups {@code <group>-retry}), feeding the
 * same use cases as the main listeners; and the pausing of every consumer while Alipay is down for
 * every app.
 */
@Configuration(proxyBeanMethods = false)
public class RetryListenerConfiguration {

  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService retryResumeTimer() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread thread = new Thread(r, "facecheck-retry-timer");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  ConcurrentMessageListenerContainer<byte[], byte[]> requestRetryContainer(
      KafkaProperties kafka,
      WorkerProperties worker,
      RetrySchedule schedule,
      BatchDispatcher dispatcher,
      ExecutorService inFlightExecutor,
      InitiationService initiation,
      UnprocessableRequests unprocessable,
      ScheduledExecutorService retryResumeTimer,
      PartitionRevocations revocations,
      MeterRegistry meters,
      Clock clock,
      ObjectProvider<ObservationRegistry> observationRegistry) {
    RecordGuard<OriginalRecord> guard =
        guard(initiation::handle, unprocessable, worker, inFlightExecutor);
    String groupId = worker.requestsGroupId() + "-retry";
    RecordObservations observations =
        new RecordObservations(
            observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
            groupId,
            groupId,
            RecordKey.REQUEST_ID);
    RetryTopicListener listener =
        new RetryTopicListener(
            dispatcher,
            r -> observations.observe(r, () -> guard.handle(ConsumedRecords.fromRetryTopic(r))),
            worker.batchTimeBudget(),
            longestWait(schedule, worker),
            retryResumeTimer,
            clock);
    return container(
        kafka,
        worker,
        revocations,
        meters,
        groupId,
        schedule.topics(Topics.REQUESTS_RETRY_PREFIX),
        listener);
  }

  @Bean
  ConcurrentMessageListenerContainer<byte[], byte[]> queryRetryContainer(
      KafkaProperties kafka,
      WorkerProperties worker,
      RetrySchedule schedule,
      BatchDispatcher dispatcher,
      ExecutorService inFlightExecutor,
      QueryService queries,
      UnprocessableQueries unprocessable,
      ScheduledExecutorService retryResumeTimer,
      PartitionRevocations revocations,
      MeterRegistry meters,
      Clock clock,
      ObjectProvider<ObservationRegistry> observationRegistry) {
    RecordGuard<OriginalRecord> guard =
        guard(queries::handle, unprocessable, worker, inFlightExecutor);
    String groupId = worker.queriesGroupId() + "-retry";
    RecordObservations observations =
        new RecordObservations(
            observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
            groupId,
            groupId,
            RecordKey.VERIFICATION_ID);
    RetryTopicListener listener =
        new RetryTopicListener(
            dispatcher,
            r -> observations.observe(r, () -> guard.handle(ConsumedRecords.fromRetryTopic(r))),
            worker.batchTimeBudget(),
            longestWait(schedule, worker),
            retryResumeTimer,
            clock);
    return container(
        kafka,
        worker,
        revocations,
        meters,
        groupId,
        schedule.topics(Topics.QUERIES_RETRY_PREFIX),
        listener);
  }

  @Bean
  OutagePauses outagePauses(
      AlipayCircuitBreakers breakers,
      AlipayClients clients,
      ObjectProvider<KafkaListenerEndpointRegistry> registry,
      List<ConcurrentMessageListenerContainer<byte[], byte[]>> retryContainers) {
    return new OutagePauses(
        breakers,
        clients.appNames(),
        () -> {
          Collection<MessageListenerContainer> all = new ArrayList<>(retryContainers);
          registry.ifAvailable(r -> all.addAll(r.getListenerContainers()));
          return all;
        });
  }

  private static RecordGuard<OriginalRecord> guard(
      Function<OriginalRecord, ? extends CompletionStage<?>> useCase,
      PoisonRecords<OriginalRecord> poison,
      WorkerProperties worker,
      Executor afterSendExecutor) {
    return new RecordGuard<>(
        useCase,
        poison,
        new DatabaseAndBrokerFailures(),
        worker.recordAttempts(),
        afterSendExecutor);
  }

  private static ConcurrentMessageListenerContainer<byte[], byte[]> container(
      KafkaProperties kafka,
      WorkerProperties worker,
      PartitionRevocations revocations,
      MeterRegistry meters,
      String groupId,
      List<String> topics,
      RetryTopicListener listener) {
    // the listener commits what is done, partition by partition; nothing else does (MANUAL)
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory =
        WorkerKafkaConfiguration.batchFactory(
            kafka,
            worker,
            groupId,
            revocations,
            meters,
            worker.retryConsumerConcurrency(),
            retryConsumerSettings(worker));
    ConcurrentMessageListenerContainer<byte[], byte[]> container =
        factory.createContainer(topics.toArray(String[]::new));
    container.getContainerProperties().setMessageListener(listener);
    container.setBeanName(groupId);
    listener.attach(container);
    return container;
  }

  /**
   * Retry topics idle most of the time: their empty fetches wait longer at the broker (README,
   * "Kafka clients": what the broker spends on them).
   */
  static Map<String, Object> retryConsumerSettings(WorkerProperties worker) {
    return Map.of(
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) worker.retryFetchMaxWait().toMillis());
  }

  /**
   * The longest a retry record may honestly wait: the last hop's delay, or a breaker's open wait
   * for a record parked during an outage, with a minute of slack for clocks.
   */
  private static java.time.Duration longestWait(RetrySchedule schedule, WorkerProperties worker) {
    java.time.Duration longest = schedule.delay(schedule.hops());
    WorkerProperties.CircuitBreaker breaker = worker.circuitBreaker();
    for (java.time.Duration wait : List.of(breaker.waitInOpen(), breaker.halfOpenRecheck())) {
      longest = wait.compareTo(longest) > 0 ? wait : longest;
    }
    return longest.plusMinutes(1);
  }
}
