package io.facecheck.worker.config;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.statemachine.ListeningVerificationStore;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import io.facecheck.statemachine.metrics.StatusTransitionMeters;
import io.facecheck.tracing.outbox.OutboxTraceContext;
import io.facecheck.tracing.verification.VerificationTraceContext;
import io.facecheck.worker.alipay.AlipayAppFiles;
import io.facecheck.worker.alipay.AlipayAppSource;
import io.facecheck.worker.alipay.AlipayCircuitBreakers;
import io.facecheck.worker.alipay.AlipayClients;
import io.facecheck.worker.alipay.AlipayCredentialReloader;
import io.facecheck.worker.alipay.AlipayEnvironment;
import io.facecheck.worker.alipay.AlipayHttpSettings;
import io.facecheck.worker.alipay.AlipayRetry;
import io.facecheck.worker.alipay.CircuitBreakerSettings;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.kafka.KafkaDeadLetters;
import io.facecheck.worker.dispatch.BatchDispatcher;
import io.facecheck.worker.dispatch.InFlightExecutors;
import io.facecheck.worker.metrics.AlipayCallMeters;
import io.facecheck.worker.metrics.BatchMeters;
import io.facecheck.worker.metrics.CountedDeadLetters;
import io.facecheck.worker.metrics.CountedRetryPublisher;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import io.facecheck.worker.retry.kafka.KafkaRetryPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The worker's shared parts: clock, secrets, store, Alipay clients with their circuit breakers and
 * retries, pool, dead letters, retry routing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WorkerProperties.class, SharedSecretsProperties.class})
public class WorkerConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  WorkerIdentity workerIdentity(WorkerProperties worker) {
    String instance = worker.instance();
    if (instance == null || instance.isBlank()) {
      try {
        instance = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        instance = "unknown-host";
      }
    }
    return new WorkerIdentity("worker@" + instance);
  }

  @Bean
  PiiCipher piiCipher(SharedSecretsProperties shared) {
    SharedSecretsProperties.Pii pii = shared.pii();
    if (pii.keys() == null || pii.keys().isBlank()) {
      throw new IllegalStateException(
          "facecheck.pii.keys (env FACECHECK_PII_KEYS) and facecheck.pii.active-key-id are"
              + " required: the worker seals cert_name and cert_no before storing them");
    }
    return new PiiCipher(PiiKeyRing.parse(pii.activeKeyId(), pii.keys()));
  }

  @Bean
  CallbackToken callbackToken(SharedSecretsProperties shared) {
    return shared.secrets().callbackToken();
  }

  @Bean
  RequestParser requestParser(SharedSecretsProperties shared) {
    // must hash exactly as intake does, or every retry would look like a conflict
    return shared.secrets().requestParser();
  }

  @Bean
  VerificationStore verificationStore(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock,
      ObjectProvider<ObservationRegistry> observations,
      MeterRegistry meters) {
    ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    // the certify_url_issued row keeps the request's trace, so its publish joins that trace
    OutboxTraceContext outboxTraces = new OutboxTraceContext(registry);
    // the verification keeps it too, so the user's return and the ladder's queries continue it
    VerificationTraceContext verificationTraces = new VerificationTraceContext(registry);
    return new ListeningVerificationStore(
        new JdbcVerificationStore(
            dataSource, transactions, clock, outboxTraces::capture, verificationTraces::capture),
        new StatusTransitionMeters(meters, clock));
  }

  @Bean
  AlipayClients alipayClients(WorkerProperties worker) {
    WorkerProperties.Alipay alipay = worker.alipay();
    if (alipay.apps().isEmpty()) {
      // without this, every request would end REJECTED (UNKNOWN_APP): a final answer to a
      // deployment mistake
      throw new IllegalStateException(
          "no Alipay app configured: set facecheck.worker.alipay.apps.default.{app-id,"
              + " private-key, alipay-public-key, gateway-url}");
    }
    List<AlipayAppSource> apps =
        alipay.apps().entrySet().stream().map(e -> appSource(e.getKey(), e.getValue())).toList();
    AlipayEnvironment.check(
        alipay.environment(), apps.stream().map(AlipayAppSource::load).toList());
    int idle = alipay.maxIdleConnections() > 0 ? alipay.maxIdleConnections() : worker.maxInFlight();
    return AlipayClients.fromSources(
        apps,
        new AlipayHttpSettings(
            alipay.connectTimeout(), alipay.readTimeout(), idle, alipay.keepAlive()));
  }

  /** Reads the apps' settings again on a schedule: rotated keys and certificates, no restart. */
  @Bean(destroyMethod = "close")
  AlipayCredentialReloader alipayCredentialReloader(
      AlipayClients clients, WorkerProperties worker) {
    return AlipayCredentialReloader.start(clients, worker.alipay().reloadInterval());
  }

  private static AlipayAppSource appSource(String name, WorkerProperties.App app) {
    return new AlipayAppFiles(
        name,
        app.appId(),
        app.mode(),
        new AlipayAppFiles.Secret(app.privateKey(), app.privateKeyFile()),
        new AlipayAppFiles.Secret(app.alipayPublicKey(), app.alipayPublicKeyFile()),
        new AlipayAppFiles.Secret(app.appCert(), app.appCertFile()),
        new AlipayAppFiles.Secret(app.alipayCert(), app.alipayCertFile()),
        new AlipayAppFiles.Secret(app.alipayRootCert(), app.alipayRootCertFile()),
        new AlipayAppFiles.Secret(app.encryptKey(), app.encryptKeyFile()),
        app.gatewayUrl(),
        app.signType());
  }

  @Bean
  AlipayCircuitBreakers alipayCircuitBreakers(
      WorkerProperties worker, AlipayClients clients, Clock clock) {
    WorkerProperties.CircuitBreaker cb = worker.circuitBreaker();
    AlipayCircuitBreakers breakers =
        new AlipayCircuitBreakers(
            new CircuitBreakerSettings(
                cb.enabled(),
                cb.slidingWindow(),
                cb.minimumCalls(),
                cb.failureRateThreshold(),
                cb.waitInOpen(),
                cb.halfOpenCalls(),
                cb.halfOpenRecheck()),
            clock);
    // each app's breaker exists from the start, so its state is on /actuator/prometheus at once
    clients.appNames().forEach(breakers::forApp);
    return breakers;
  }

  @Bean
  AlipayCallMeters alipayCallMeters(MeterRegistry meters, AlipayClients clients) {
    return new AlipayCallMeters(meters, clients.appNames());
  }

  @Bean
  AlipayRetry alipayRetry(
      WorkerProperties worker,
      Clock clock,
      AlipayCircuitBreakers breakers,
      AlipayCallMeters callMeters) {
    WorkerProperties.Retry retry = worker.retry();
    return new AlipayRetry(
        "alipay",
        retry.maxAttempts(),
        retry.initialBackoff(),
        retry.maxBackoff(),
        clock,
        breakers,
        callMeters);
  }

  @Bean
  RetrySchedule retrySchedule(WorkerProperties worker) {
    return new RetrySchedule(worker.retry().topicDelays());
  }

  @Bean
  RetryRouter retryRouter(
      RetrySchedule schedule,
      KafkaTemplate<byte[], byte[]> workerKafkaTemplate,
      DeadLetters deadLetters,
      MeterRegistry meters,
      Clock clock) {
    CountedRetryPublisher retries =
        new CountedRetryPublisher(
            new KafkaRetryPublisher(workerKafkaTemplate),
            meters,
            List.of(
                schedule.topics(Topics.REQUESTS_RETRY_PREFIX),
                schedule.topics(Topics.QUERIES_RETRY_PREFIX)));
    return new RetryRouter(schedule, retries, deadLetters, clock);
  }

  @Bean(destroyMethod = "shutdown")
  ExecutorService inFlightExecutor(WorkerProperties worker) {
    return InFlightExecutors.create(worker.maxInFlight(), worker.virtualThreads());
  }

  @Bean
  BatchDispatcher batchDispatcher(ExecutorService inFlightExecutor, MeterRegistry meters) {
    return new BatchDispatcher(inFlightExecutor, new BatchMeters(meters));
  }

  @Bean
  DeadLetters deadLetters(
      KafkaTemplate<byte[], byte[]> workerKafkaTemplate,
      RequestParser requestParser,
      MeterRegistry meters) {
    return new CountedDeadLetters(
        new KafkaDeadLetters(workerKafkaTemplate, requestParser::rawHash),
        meters,
        List.of(Topics.REQUESTS_DLT, Topics.QUERIES_DLT));
  }
}
