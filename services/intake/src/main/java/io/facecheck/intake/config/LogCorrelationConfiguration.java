package io.facecheck.intake.config;

import io.facecheck.intake.web.LogCorrelationFilter;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The trace and verification ids on every line logged while a request is handled. */
@Configuration(proxyBeanMethods = false)
public class LogCorrelationConfiguration {

  /**
   * Just inside Boot's HTTP server observation (HIGHEST_PRECEDENCE + 1), so its span is current.
   */
  @Bean
  FilterRegistrationBean<LogCorrelationFilter> logCorrelationFilter(ObjectProvider<Tracer> tracer) {
    FilterRegistrationBean<LogCorrelationFilter> registration =
        new FilterRegistrationBean<>(
            new LogCorrelationFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
