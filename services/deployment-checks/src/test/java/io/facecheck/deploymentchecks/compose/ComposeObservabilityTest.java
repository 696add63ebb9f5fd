package io.facecheck.deploymentchecks.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.Yaml;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code observability} profile: Prometheus and Grafana start only when asked for, mount the
 * files of observability/, and Prometheus scrapes each service on the port it listens on, at
 * /actuator/prometheus.
 */
class ComposeObservabilityTest {

  private static final JsonNode SERVICES = ComposeFile.load().path("services");

  @Test
  void prometheusAndGrafanaRunOnlyInTheObservabilityProfile() {
    for (String name : List.of("prometheus", "grafana")) {
      assertThat(SERVICES.path(name).path("profiles").toString())
          .as(name)
          .isEqualTo("[\"observability\"]");
    }
    assertThat(volumes("prometheus"))
        .contains(
            "./observability/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
            "./observability/prometheus/rules:/etc/prometheus/rules:ro");
    assertThat(volumes("grafana"))
        .contains(
            "./observability/grafana/provisioning:/etc/grafana/provisioning:ro",
            "./observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
  }

  @Test
  void prometheusScrapesEveryServiceOnItsOwnPortAtActuatorPrometheus() throws Exception {
    JsonNode config =
        Yaml.one(
            Files.readString(RepositoryRoot.resolve("observability/prometheus/prometheus.yml")));
    List<String> scraped = new ArrayList<>();
    for (JsonNode job : config.path("scrape_configs")) {
      if (!job.path("job_name").asString().startsWith("facecheck-")) {
        continue;
      }
      assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
      String target = job.at("/static_configs/0/targets/0").asString();
      String service = target.substring(0, target.indexOf(':'));
      String port = target.substring(target.indexOf(':') + 1);
      assertThat(SERVICES.path(service).path("ports").toString())
          .as(target + " is where " + service + " listens")
          .contains(":" + port + "\"");
      scraped.add(service);
    }
    assertThat(scraped).containsExactlyInAnyOrder("intake", "worker", "reconciler");
  }

  private static String volumes(String service) {
    return SERVICES.path(service).path("volumes").toString();
  }
}
