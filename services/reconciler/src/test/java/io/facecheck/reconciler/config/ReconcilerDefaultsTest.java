package io.facecheck.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.reconciler.ReconcilerApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ReconcilerDefaultsTest {

  @Test
  void appliesItsDefaultsToTheReconciler() {
    StandardEnvironment env = new StandardEnvironment();

    new ReconcilerDefaults()
        .postProcessEnvironment(env, new SpringApplication(ReconcilerApplication.class));

    assertThat(env.getProperty("management.server.port")).isEqualTo("8082");
    assertThat(env.getProperty("server.port")).isEqualTo("8082");
    assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("false");
  }

  @Test
  void letsTheLaunchersPropertiesWin() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addLast(new DefaultPropertiesPropertySource(Map.of("management.server.port", "9182")));

    new ReconcilerDefaults()
        .postProcessEnvironment(env, new SpringApplication(ReconcilerApplication.class));

    assertThat(env.getProperty("management.server.port")).isEqualTo("9182");
    assertThat(env.getProperty("server.port")).isEqualTo("9182");
    assertThat(env.getProperty("spring.flyway.enabled")).isEqualTo("false");
  }

  @Test
  void leavesOtherApplicationsAlone() {
    StandardEnvironment env = new StandardEnvironment();

    new ReconcilerDefaults().postProcessEnvironment(env, new SpringApplication(Object.class));

    assertThat(env.getProperty("management.server.port")).isNull();
  }
}
