package io.facecheck.deploymentchecks.support;

import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Spring Boot's own OTLP span-export auto-configuration, run with a service's environment variables
 * as its only settings: whether the service would build an exporter, and to where, decided by the
 * same conditions as in the running service.
 */
public final class OtlpExport {

  private OtlpExport() {}

  public static ApplicationContextRunner withEnvironment(Map<String, Object> environment) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OtlpTracingAutoConfiguration.class))
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .addFirst(new SystemEnvironmentPropertySource("service", environment)));
  }
}
