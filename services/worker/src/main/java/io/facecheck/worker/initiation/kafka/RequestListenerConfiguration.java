package io.facecheck.worker.initiation.kafka;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.pii.PiiCipher;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.tracing.kafka.RecordKey;
import io.facecheck.tracing.kafka.RecordObservations;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.config.SharedSecretsProperties;
import io.facecheck.worker.config.WorkerIdentity;
import io.facecheck.worker.config.WorkerKafkaConfiguration;
import io.facecheck.worker.config.WorkerProperties;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.kafka.ConsumedRecords;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.kafka.GuardedRecords;
import io.facecheck.worker.dispatch.kafka.PartitionRevocations;
import io.facecheck.worker.initiation.CertificationStarter;
import io.facecheck.worker.initiation.InitiationService;
import io.facecheck.worker.initiation.InitiationSettings;
import io.facecheck.worker.initiation.InvalidRequests;
import io.facecheck.worker.initiation.RetryingStartFailures;
import io.facecheck.worker.initiation.ReturnUrls;
import io.facecheck.worker.initiation.StartFailureRouter;
import io.facecheck.worker.initiation.UnprocessableRequests;
import io.facecheck.worker.initiation.alipay.AlipayCertificationStarter;
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

/**
 * The request path: its listener container, its use case, and where a start that Alipay did not
 * settle goes (retry topics, then the dead letter).
 */
@Configuration(proxyBeanMethods = false)
public class RequestListenerConfiguration {

  static final String CONTAINER_FACTORY = "requestListenerContainerFactory";

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<byte[], byte[]> requestListenerContainerFactory(
      KafkaProperties kafka,
      WorkerProperties worker,
      PartitionRevocations revocations,
      MeterRegistry meters) {
    return WorkerKafkaConfiguration.batchFactory(
        kafka, worker, worker.requestsGroupId(), revocations, meters);
  }

  @Bean
  StartFailureRouter startFailureRouter(
      RetryRouter router, VerificationStore store, WorkerIdentity identity) {
    return new RetryingStartFailures(router, store, identity.source());
  }

  @Bean
  CertificationStarter certificationStarter(AlipayClients clients, AlipayRetry retry) {
    return new AlipayCertificationStarter(clients, retry);
  }

  @Bean
  InitiationService initiationService(
      RequestParser parser,
      VerificationStore store,
      PiiCipher cipher,
      CertificationStarter starter,
      StartFailureRouter failures,
      DeadLetters deadLetters,
      CallbackToken tokens,
      SharedSecretsProperties shared,
      WorkerProperties worker,
      WorkerIdentity identity,
      Clock clock) {
    return new InitiationService(
        parser,
        store,
        cipher,
        starter,
        failures,
        new InvalidRequests(store, deadLetters, clock, identity.source(), parser::rawHash),
        deadLetters,
        new ReturnUrls(shared.callback().baseUrl(), tokens),
        new InitiationSettings(worker.firstQueryDelay(), worker.callbackGrace(), identity.source()),
        clock);
  }

  @Bean
  UnprocessableRequests unprocessableRequests(
      RequestParser parser,
      VerificationStore store,
      DeadLetters deadLetters,
      WorkerIdentity identity,
      Clock clock) {
    return new UnprocessableRequests(parser, store, deadLetters, clock, identity.source());
  }

  @Bean
  VerificationRequestListener verificationRequestListener(
      BatchDispatcher dispatcher,
      ExecutorService inFlightExecutor,
      InitiationService initiation,
      UnprocessableRequests unprocessable,
      WorkerProperties worker,
      ScheduledExecutorService retryResumeTimer,
      Clock clock,
      ObjectProvider<KafkaListenerEndpointRegistry> registry,
      ObjectProvider<ObservationRegistry> observations) {
    return new VerificationRequestListener(
        GuardedRecords.listener(
            ConsumedRecords::original,
            initiation::handle,
            unprocessable,
            r -> Instant.EPOCH,
            dispatcher,
            inFlightExecutor,
            worker.recordAttempts(),
            worker.batchTimeBudget(),
            retryResumeTimer,
            clock,
            () -> registry.getObject().getListenerContainer(VerificationRequestListener.ID),
            new RecordObservations(
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                VerificationRequestListener.ID,
                worker.requestsGroupId(),
                RecordKey.REQUEST_ID)));
  }
}
