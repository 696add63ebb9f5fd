package io.facecheck.reconciler.config;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.reconciler.callback.CallbackHandler;
import io.facecheck.reconciler.callback.RepeatedReturns;
import io.facecheck.reconciler.callback.kafka.CallbackListener;
import io.facecheck.reconciler.decision.OutcomeDecider;
import io.facecheck.reconciler.decision.kafka.QueryResultListener;
import io.facecheck.reconciler.inbound.VerificationTraces;
import io.facecheck.reconciler.inbound.jdbc.StoredVerificationTraces;
import io.facecheck.reconciler.inbound.kafka.RecordBatches;
import io.facecheck.reconciler.ladder.LadderScan;
import io.facecheck.reconciler.ladder.LadderSteps;
import io.facecheck.reconciler.ladder.ReplayResumes;
import io.facecheck.reconciler.ladder.StalledVerifications;
import io.facecheck.reconciler.ladder.UnansweredFinalQueries;
import io.facecheck.reconciler.ladder.jdbc.JdbcStalledVerifications;
import io.facecheck.reconciler.metrics.DecisionMeters;
import io.facecheck.reconciler.query.QueryCommands;
import io.facecheck.reconciler.query.kafka.KafkaQuerySender;
import io.facecheck.statemachine.ListeningVerificationStore;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import io.facecheck.statemachine.metrics.StatusTransitionMeters;
import io.facecheck.tracing.kafka.RecordKey;
import io.facecheck.tracing.kafka.RecordObservations;
import io.facecheck.tracing.outbox.OutboxTraceContext;
import io.facecheck.tracing.verification.VerificationTraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The reconciler's wiring: store, query sending, callbacks, decisions and the ladder loop. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcilerProperties.class)
public class ReconcilerConfiguration {

  /** How long a batch of sends may wait for Kafka's acknowledgements. */
  static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

  /** Replaced by a movable clock in tests. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  VerificationStore verificationStore(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock,
      ObjectProvider<ObservationRegistry> observations,
      MeterRegistry meters) {
    OutboxTraceContext traces =
        new OutboxTraceContext(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    return new ListeningVerificationStore(
        new JdbcVerificationStore(dataSource, transactions, clock, traces::capture),
        new StatusTransitionMeters(meters, clock));
  }

  /**
   * Nothing is read while tracing is off (no tracer: the registry still observes, for metrics): no
   * span would continue it.
   */
  @Bean
  VerificationTraces verificationTraces(
      DataSource dataSource,
      ObjectProvider<ObservationRegistry> observations,
      ObjectProvider<Tracer> tracers) {
    ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    Tracer tracer = tracers.getIfAvailable(() -> Tracer.NOOP);
    return registry.isNoop() || tracer == Tracer.NOOP
        ? VerificationTraces.NONE
        : new StoredVerificationTraces(dataSource, new VerificationTraceContext(registry));
  }

  @Bean
  TimelineSource timelineSource(ReconcilerProperties properties) {
    return TimelineSource.of(properties.source());
  }

  @Bean
  RecordBatches recordBatches() {
    return new RecordBatches();
  }

  @Bean
  QueryCommands querySender(KafkaTemplate<String, String> kafka) {
    return new KafkaQuerySender(kafka, PayloadJson.mapper(), SEND_TIMEOUT);
  }

  @Bean
  LadderSteps ladderSteps(
      VerificationStore store, ReconcilerProperties properties, TimelineSource source) {
    return new LadderSteps(store, properties.ladderSchedule(), source.name());
  }

  @Bean
  CallbackHandler callbackHandler(
      VerificationStore store,
      QueryCommands sender,
      LadderSteps steps,
      Clock clock,
      ReconcilerProperties properties,
      TimelineSource source) {
    return new CallbackHandler(
        store,
        sender,
        steps,
        new RepeatedReturns(properties.callbackRequeryAfter()),
        clock,
        properties.claimLease(),
        source.name());
  }

  @Bean
  CallbackListener callbackListener(
      CallbackHandler handler,
      RecordBatches batches,
      KafkaProperties kafka,
      ObjectProvider<ObservationRegistry> observations,
      VerificationTraces traces) {
    return new CallbackListener(
        handler,
        batches,
        new RecordObservations(
            observations.getIfAvailable(() -> ObservationRegistry.NOOP),
            CallbackListener.ID,
            kafka.getConsumer().getGroupId(),
            RecordKey.VERIFICATION_ID),
        traces);
  }

  @Bean
  OutcomeDecider outcomeDecider(
      VerificationStore store, Clock clock, TimelineSource source, MeterRegistry meters) {
    return new OutcomeDecider(store, clock, source.name(), new DecisionMeters(meters));
  }

  @Bean
  QueryResultListener queryResultListener(
      OutcomeDecider decider,
      RecordBatches batches,
      KafkaProperties kafka,
      ObjectProvider<ObservationRegistry> observations) {
    return new QueryResultListener(
        decider,
        batches,
        new RecordObservations(
            observations.getIfAvailable(() -> ObservationRegistry.NOOP),
            QueryResultListener.ID,
            kafka.getConsumer().getGroupId(),
            RecordKey.VERIFICATION_ID));
  }

  @Bean
  LadderScan ladderScan(
      VerificationStore store,
      DataSource dataSource,
      QueryCommands sender,
      LadderSteps steps,
      Clock clock,
      ReconcilerProperties properties,
      TimelineSource source,
      VerificationTraces traces) {
    StalledVerifications stalled = new JdbcStalledVerifications(dataSource);
    int batch = properties.ladderBatch();
    return new LadderScan(
        store,
        new UnansweredFinalQueries(
            store, stalled, properties.finalQueryLimit(), batch, source.name()),
        new ReplayResumes(store, stalled, batch, source.name()),
        sender,
        steps,
        clock,
        batch,
        properties.claimLease(),
        traces);
  }

  @Bean
  PollingLoop ladderLoop(LadderScan scan, ReconcilerProperties properties) {
    return new PollingLoop(
        "ladder", () -> scan.runOnce() ? Duration.ZERO : properties.ladderInterval(), () -> {});
  }
}
