package io.facecheck.worker.query.kafka;

import io.facecheck.tracing.kafka.RecordKey;
import io.facecheck.tracing.kafka.RecordObservations;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.config.WorkerKafkaConfiguration;
import io.facecheck.worker.config.WorkerProperties;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.kafka.ConsumedRecords;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.kafka.GuardedRecords;
import io.facecheck.worker.dispatch.kafka.PartitionRevocations;
import io.facecheck.worker.query.QueryService;
import io.facecheck.worker.query.UnprocessableQueries;
import io.facecheck.worker.query.alipay.AlipayCertificationQuery;
import io.facecheck.worker.retry.RetryRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/** The query path: its listener container, its use case and the results publisher. */
@Configuration(proxyBeanMethods = false)
public class QueryListenerConfiguration {

  static final String CONTAINER_FACTORY = "queryListenerContainerFactory";

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<byte[], byte[]> queryListenerContainerFactory(
      KafkaProperties kafka,
      WorkerProperties worker,
      PartitionRevocations revocations,
      MeterRegistry meters) {
    return WorkerKafkaConfiguration.batchFactory(
        kafka, worker, worker.queriesGroupId(), revocations, meters);
  }

  @Bean
  QueryService queryService(
      AlipayClients clients,
      AlipayRetry retry,
      KafkaTemplate<byte[], byte[]> workerKafkaTemplate,
      DeadLetters deadLetters,
      RetryRouter router,
      Clock clock) {
    return new QueryService(
        new AlipayCertificationQuery(clients, retry),
        new KafkaQueryResults(workerKafkaTemplate),
        deadLetters,
        router,
        clock);
  }

  @Bean
  UnprocessableQueries unprocessableQueries(DeadLetters deadLetters, Clock clock) {
    return new UnprocessableQueries(deadLetters, clock);
  }

  @Bean
  VerificationQueryListener verificationQueryListener(
      BatchDispatcher dispatcher,
      ExecutorService inFlightExecutor,
      QueryService queries,
      UnprocessableQueries unprocessable,
      WorkerProperties worker,
      ScheduledExecutorService retryResumeTimer,
      Clock clock,
      ObjectProvider<KafkaListenerEndpointRegistry> registry,
      ObjectProvider<ObservationRegistry> observations) {
    return new VerificationQueryListener(
        GuardedRecords.listener(
            ConsumedRecords::original,
            queries::handle,
            unprocessable,
            r -> Instant.EPOCH,
            dispatcher,
            inFlightExecutor,
            worker.recordAttempts(),
            worker.batchTimeBudget(),
            retryResumeTimer,
            clock,
            () -> registry.getObject().getListenerContainer(VerificationQueryListener.ID),
            new RecordObservations(
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                VerificationQueryListener.ID,
                worker.queriesGroupId(),
                RecordKey.VERIFICATION_ID)));
  }
}
