package io.facecheck.intake.config;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.secrets.SharedSecrets;
import io.facecheck.intake.auth.ClientTokens;
import io.facecheck.intake.auth.web.AuthenticatedClientResolver;
import io.facecheck.intake.callback.CallbackReceiver;
import io.facecheck.intake.callback.RecentReturns;
import io.facecheck.intake.callback.kafka.KafkaCallbackPublisher;
import io.facecheck.intake.kafka.AcknowledgedSender;
import io.facecheck.intake.lookup.FailingFastLookup;
import io.facecheck.intake.lookup.VerificationLookup;
import io.facecheck.intake.lookup.jdbc.StoreLookup;
import io.facecheck.intake.metrics.IntakeMetrics;
import io.facecheck.intake.request.RequestIntake;
import io.facecheck.statemachine.VerificationStore;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The intake's beans, wired by hand so what depends on what is visible in one place. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  IntakeProperties.class,
  CallbackProperties.class,
  RequestHashProperties.class
})
public class IntakeConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

  @Bean
  IntakeMetrics intakeMetrics(MeterRegistry meters) {
    return new IntakeMetrics(meters);
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ClientTokens clientTokens(IntakeProperties properties) {
    ClientTokens tokens = ClientTokensFactory.from(properties);
    if (tokens.size() == 0) {
      log.warn("no clients configured (facecheck.intake.clients.*): every POST will get 401");
    }
    return tokens;
  }

  @Bean
  WebMvcConfigurer authenticatedClientArgument(ClientTokens tokens) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AuthenticatedClientResolver(tokens));
      }
    };
  }

  @Bean
  VerificationLookup verificationLookup(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      Clock clock,
      IntakeProperties properties) {
    VerificationStore store = new JdbcVerificationStore(dataSource, transactions, clock);
    return new FailingFastLookup(
        new StoreLookup(store), properties.databaseDownPause(), System::nanoTime);
  }

  /** The secrets shared with the worker, checked where the worker checks them too. */
  @Bean
  SharedSecrets sharedSecrets(CallbackProperties callback, RequestHashProperties hashing) {
    return new SharedSecrets(callback.secret(), hashing.key());
  }

  @Bean
  RequestParser requestParser(SharedSecrets shared) {
    // must hash exactly as the worker does, or every retry would look like a conflict
    return shared.requestParser();
  }

  @Bean
  RequestIntake requestIntake(
      RequestParser parser, VerificationLookup lookup, AcknowledgedSender sender) {
    return new RequestIntake(
        parser, lookup, (requestId, bytes) -> sender.send(Topics.REQUESTS, requestId, bytes));
  }

  @Bean
  CallbackToken callbackToken(SharedSecrets shared) {
    return shared.callbackToken();
  }

  @Bean
  RecentReturns recentReturns(IntakeProperties properties) {
    return new RecentReturns(properties.recentReturns());
  }

  @Bean
  CallbackReceiver callbackReceiver(
      CallbackToken tokens,
      VerificationLookup lookup,
      AcknowledgedSender sender,
      JsonMapper json,
      RecentReturns recentReturns,
      Clock clock) {
    return new CallbackReceiver(
        tokens,
        lookup,
        new KafkaCallbackPublisher(sender, json),
        recentReturns,
        clock,
        UUID::randomUUID);
  }
}
