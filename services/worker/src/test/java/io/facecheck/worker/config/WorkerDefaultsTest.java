package io.facecheck.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.worker.WorkerApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class WorkerDefaultsTest {

  @Test
  void appliesTheDevStackDefaultsAndKeepsTheSdkCallLogsOff() {
    StandardEnvironment env = new StandardEnvironment();

    new WorkerDefaults()
        .postProcessEnvironment(env, new SpringApplication(WorkerApplication.class));

    assertThat(env.getProperty("server.port")).isEqualTo("8081");
    assertThat(env.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:postgresql://localhost:55432/facecheck");
    assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
    assertThat(env.getProperty("logging.level.sdk.biz.info")).isEqualTo("OFF");
    assertThat(env.getProperty("logging.level.sdk.biz.err")).isEqualTo("OFF");
    assertThat(env.getProperty("logging.level.sdk.comm.err")).isEqualTo("OFF");
  }

  /** One mechanism: what was a fixed @PropertySource file is a default like every other one. */
  @Test
  void holdsTheWholeConfigurationOfTheWorkerAndLetsALauncherOverrideAnyOfIt() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(
            new DefaultPropertiesPropertySource(
                Map.of("spring.datasource.hikari.maximum-pool-size", "8")));

    new WorkerDefaults()
        .postProcessEnvironment(env, new SpringApplication(WorkerApplication.class));

    assertThat(env.getProperty("spring.application.name")).isEqualTo("facecheck-worker");
    assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("true");
    assertThat(env.getProperty("management.endpoints.web.exposure.include"))
        .isEqualTo("health,info,prometheus");
    assertThat(env.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("8");
    assertThat(WorkerApplication.class.getResource("/facecheck-worker.properties")).isNull();
  }

  @Test
  void letsTheLauncherAndTheEnvironmentWin() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(new DefaultPropertiesPropertySource(Map.of("server.port", "9181")));
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "environment-like",
                Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/facecheck")));

    new WorkerDefaults()
        .postProcessEnvironment(env, new SpringApplication(WorkerApplication.class));

    assertThat(env.getProperty("server.port")).isEqualTo("9181");
    assertThat(env.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:postgresql://db.example:5432/facecheck");
    assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
  }

  @Test
  void leavesOtherApplicationsAlone() {
    StandardEnvironment env = new StandardEnvironment();

    new WorkerDefaults().postProcessEnvironment(env, new SpringApplication(Object.class));

    assertThat(env.getProperty("server.port")).isNull();
  }

  /**
   * In the devstack's JVM another service reads its configuration from the same classpath: what
   * Spring Boot finds there on its own (application.yml and the like) must not be the worker's.
   */
  @Test
  void anotherApplicationOnTheSameClasspathFindsNoneOfTheWorkersSettings() {
    StandardEnvironment env = new StandardEnvironment();

    ConfigDataEnvironmentPostProcessor.applyTo(env);

    assertThat(env.getProperty("spring.application.name")).isNull();
    assertThat(env.getProperty("server.port")).isNull();
    assertThat(env.getProperty("spring.flyway.enabled")).isNull();
    assertThat(env.getProperty("logging.level.sdk.biz.info")).isNull();
  }
}
