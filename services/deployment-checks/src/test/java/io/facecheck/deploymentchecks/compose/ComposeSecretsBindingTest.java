package io.facecheck.deploymentchecks.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.compose.ComposeSecrets;
import io.facecheck.devstack.compose.SecretTree;
import io.facecheck.intake.config.CallbackProperties;
import io.facecheck.intake.config.IntakeProperties;
import io.facecheck.intake.config.RequestHashProperties;
import io.facecheck.worker.config.WorkerProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.ConfigTreePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What a compose service sees at start: its environment from docker-compose.yml (with .env's
 * defaults) and the config tree secrets-init wrote into its subdirectory, bound by Spring Boot's
 * Binder into the services' own settings classes. Proves the file names secrets-init writes are the
 * properties worker and intake read, so nothing is missing when the containers start.
 */
class ComposeSecretsBindingTest {

  private static final JsonNode SERVICES = ComposeFile.load().path("services");
  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

  @TempDir Path secrets;

  @Test
  void theWorkerGetsItsAlipayAppPiiKeysAndDatabasePassword() throws Exception {
    ComposeSecrets.write(new SecretTree(secrets), null, null);
    Binder worker = binder("worker");

    WorkerProperties properties = worker.bind("facecheck.worker", WorkerProperties.class).get();
    WorkerProperties.App app = properties.alipay().apps().get("default");
    assertThat(app.appId()).isEqualTo("2021000000000001");
    assertThat(app.privateKey()).isNotBlank();
    assertThat(app.alipayPublicKey()).isNotBlank();
    assertThat(app.gatewayUrl()).isEqualTo("http://alipay-simulator.localhost:8089/gateway.do");
    assertThat(properties.virtualThreads()).isTrue();
    assertThat(worker.bind("facecheck.pii.keys", String.class).get()).startsWith("compose-1:");
    assertThat(worker.bind("facecheck.pii.active-key-id", String.class).get())
        .isEqualTo("compose-1");
    assertThat(worker.bind("facecheck.request-hash.key", String.class).get())
        .hasSizeGreaterThanOrEqualTo(16);
    assertThat(worker.bind("spring.datasource.password", String.class).get()).isNotBlank();
    assertThat(worker.bind("spring.flyway.enabled", Boolean.class).get()).isFalse();
  }

  @Test
  void intakeGetsTheDemoClientAndTheSecretsItSharesWithTheWorker() throws Exception {
    ComposeSecrets.write(new SecretTree(secrets), null, null);
    Binder intake = binder("intake");
    Binder worker = binder("worker");

    IntakeProperties properties = intake.bind("facecheck.intake", IntakeProperties.class).get();
    assertThat(properties.clients().get("demo").token()).isNotBlank();
    assertThat(intake.bind("facecheck.callback", CallbackProperties.class).get().secret())
        .isEqualTo(worker.bind("facecheck.callback.secret", String.class).get());
    assertThat(intake.bind("facecheck.request-hash", RequestHashProperties.class).get().key())
        .isEqualTo(worker.bind("facecheck.request-hash.key", String.class).get());
    assertThat(intake.bind("facecheck.pii.keys", String.class).isBound()).isFalse();
    assertThat(intake.bind("facecheck.callback.base-url", String.class).get())
        .isEqualTo("http://intake.localhost:8080/v1/callbacks/alipay/return");
  }

  /** The service's compose environment, then its config tree, as Spring Boot orders them. */
  private Binder binder(String service) {
    Map<String, Object> environment = new HashMap<>();
    SERVICES
        .path(service)
        .path("environment")
        .properties()
        .forEach(e -> environment.put(e.getKey(), withDefaults(e.getValue().asString())));
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    spring
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    assertThat(environment.get("SPRING_CONFIG_IMPORT"))
        .isEqualTo("configtree:/run/secrets/facecheck/");
    spring
        .getPropertySources()
        .addLast(new ConfigTreePropertySource("secrets", secrets.resolve(mountedSubpath(service))));
    ConfigurationPropertySources.attach(spring);
    return Binder.get(spring);
  }

  private static String mountedSubpath(String service) {
    for (JsonNode volume : SERVICES.path(service).path("volumes")) {
      if ("secrets".equals(volume.path("source").asString())) {
        return volume.at("/volume/subpath").asString();
      }
    }
    throw new AssertionError(service + " mounts no secrets");
  }

  /** Compose's {@code ${VAR:-default}} with nothing set in .env. */
  private static String withDefaults(String value) {
    Matcher matcher = DEFAULTED.matcher(value);
    return matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
  }
}
