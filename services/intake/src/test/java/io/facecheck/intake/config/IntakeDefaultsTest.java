package io.facecheck.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.intake.IntakeApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The intake's settings come in as the worker's and the reconciler's do: beneath everything. */
class IntakeDefaultsTest {

  @Test
  void appliesTheDevStackPortsAndTheFixedSettings() {
    StandardEnvironment env = new StandardEnvironment();

    new IntakeDefaults()
        .postProcessEnvironment(env, new SpringApplication(IntakeApplication.class));

    assertThat(env.getProperty("server.port")).isEqualTo("8080");
    assertThat(env.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:postgresql://localhost:55432/facecheck");
    assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
    assertThat(env.getProperty("spring.application.name")).isEqualTo("facecheck-intake");
    assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("false");
    assertThat(env.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("2000");
    assertThat(env.getProperty("management.tracing.baggage.enabled")).isEqualTo("false");
  }

  @Test
  void letsTheLauncherAndTheEnvironmentWin() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(
            new DefaultPropertiesPropertySource(
                Map.of(
                    "server.port", "9180", "spring.datasource.hikari.connection-timeout", "500")));
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "environment-like",
                Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/facecheck")));

    new IntakeDefaults()
        .postProcessEnvironment(env, new SpringApplication(IntakeApplication.class));

    assertThat(env.getProperty("server.port")).isEqualTo("9180");
    assertThat(env.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("500");
    assertThat(env.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:postgresql://db.example:5432/facecheck");
    assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
  }

  @Test
  void leavesOtherApplicationsAlone() {
    StandardEnvironment env = new StandardEnvironment();

    new IntakeDefaults().postProcessEnvironment(env, new SpringApplication(Object.class));

    assertThat(env.getProperty("server.port")).isNull();
  }

  /** In the devstack's JVM the other services read configuration from the same classpath. */
  @Test
  void anotherApplicationOnTheSameClasspathFindsNoneOfTheIntakesSettings() {
    StandardEnvironment env = new StandardEnvironment();

    ConfigDataEnvironmentPostProcessor.applyTo(env);

    assertThat(env.getProperty("spring.application.name")).isNull();
    assertThat(env.getProperty("server.port")).isNull();
    assertThat(IntakeApplication.class.getResource("/facecheck-intake.properties")).isNull();
  }
}
