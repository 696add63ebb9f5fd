package io.facecheck.deploymentchecks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * observability/grafana: the provisioned dashboard queries only series of docs/metrics.md, shows
 * what the issue asks for, and is loaded by the provisioning files from the Prometheus data source
 * they define.
 */
class GrafanaDashboardTest {

  private static final Path DIR = RepositoryRoot.resolve("observability/grafana");

  @Test
  void dashboardQueriesNameOnlyDocumentedSeries() throws Exception {
    Map<String, Set<String>> undocumented = new TreeMap<>();
    List<JsonNode> targets = targets();
    for (JsonNode target : targets) {
      Set<String> names = DocumentedSeries.undocumentedIn(target.path("expr").asString());
      if (!names.isEmpty()) {
        undocumented.put(target.path("expr").asString(), names);
      }
    }
    assertThat(targets).hasSizeGreaterThan(20);
    assertThat(undocumented).as("series not in docs/metrics.md").isEmpty();
  }

  @Test
  void anUndocumentedSeriesIsCaught() {
    assertThat(DocumentedSeries.undocumentedIn("sum(rate(facecheck_made_up_total[5m]))"))
        .containsExactly("facecheck_made_up_total");
  }

  @Test
  void showsThroughputLatencyOutcomesAlipayRetriesBreakersBacklogAndLag() throws Exception {
    List<String> rows = new ArrayList<>();
    dashboard()
        .path("panels")
        .forEach(
            p -> {
              if ("row".equals(p.path("type").asString())) {
                rows.add(p.path("title").asString());
              }
            });
    assertThat(rows)
        .contains(
            "Throughput",
            "Latency",
            "Outcomes",
            "Alipay",
            "Retries and dead letters",
            "Circuit breakers",
            "Backlog and lag");
    String queries = targets().stream().map(t -> t.path("expr").asString()).toList().toString();
    assertThat(queries)
        .contains(
            "histogram_quantile",
            "facecheck_worker_alipay_calls_seconds_count",
            "facecheck_worker_dead_letters_total",
            "resilience4j_circuitbreaker_state",
            "facecheck_kafka_consumer_lag",
            "facecheck_relay_outbox_backlog");
  }

  @Test
  void provisioningLoadsTheDashboardFromTheDataSourceItDefines() throws Exception {
    JsonNode datasources =
        Yaml.one(Files.readString(DIR.resolve("provisioning/datasources/prometheus.yml")));
    String uid = datasources.at("/datasources/0/uid").asString();
    assertThat(datasources.at("/datasources/0/url").asString()).isEqualTo("http://prometheus:9090");
    for (JsonNode target : targets()) {
      assertThat(target.at("/datasource/uid").asString()).isEqualTo(uid);
    }
    JsonNode providers =
        Yaml.one(Files.readString(DIR.resolve("provisioning/dashboards/facecheck.yml")));
    assertThat(providers.at("/providers/0/options/path").asString())
        .isEqualTo("/var/lib/grafana/dashboards");
  }

  private static JsonNode dashboard() throws Exception {
    return Yaml.JSON.readTree(Files.readString(DIR.resolve("dashboards/facecheck.json")));
  }

  private static List<JsonNode> targets() throws Exception {
    List<JsonNode> targets = new ArrayList<>();
    for (JsonNode panel : dashboard().path("panels")) {
      panel.path("targets").forEach(targets::add);
    }
    return targets;
  }
}
