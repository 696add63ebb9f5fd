package io.facecheck.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.stack.StackSettings;
import org.junit.jupiter.api.Test;

class BannerTest {

  @Test
  void namesEachServiceInstancesPrometheusEndpoint() {
    StackSettings settings = StackSettings.defaults();

    String metrics = Banner.metrics(settings);

    assertThat(metrics)
        .contains("intake", "http://localhost:8080/actuator/prometheus")
        .contains("worker", "http://localhost:8081/actuator/prometheus")
        .contains("reconciler 1", "http://localhost:8082/actuator/prometheus");
    assertThat(metrics.lines()).hasSize(2 + settings.reconcilers());
  }
}
