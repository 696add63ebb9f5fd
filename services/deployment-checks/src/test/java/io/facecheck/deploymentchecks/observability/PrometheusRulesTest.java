package io.facecheck.deploymentchecks.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Processes;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.RequiredTool;
import io.facecheck.deploymentchecks.support.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * observability/prometheus: the alert rules pass {@code promtool check rules} and their unit tests
 * ({@code promtool test rules}), the scrape configuration passes {@code promtool check config}, and
 * every rule names only series of docs/metrics.md.
 */
class PrometheusRulesTest {

  private static final Path DIR = RepositoryRoot.resolve("observability/prometheus");
  private static final Path RULES = DIR.resolve("rules/facecheck-alerts.yml");

  @BeforeEach
  void promtool() {
    RequiredTool.require(
        Processes.works(List.of("promtool", "--version")),
        "promtool is not installed",
        "install Debian's package `prometheus`, which carries it (.ci/run does)");
  }

  @Test
  void rulesPassPromtoolCheck() {
    Processes.Result result =
        Processes.run(List.of("promtool", "check", "rules", RULES.toString()), DIR, "");

    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout()).contains("SUCCESS");
  }

  @Test
  void everyAlertPassesItsUnitTests() throws Exception {
    Path tests = DIR.resolve("tests/facecheck-alerts.test.yml");
    Processes.Result result =
        Processes.run(
            List.of("promtool", "test", "rules", tests.getFileName().toString()),
            tests.getParent(),
            "");

    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    // every alert is tested, each with a case that fires
    String testText = Files.readString(tests);
    for (String alert : alertNames()) {
      assertThat(testText).as(alert).contains("alertname: " + alert);
    }
  }

  @Test
  void aBrokenRuleFailsItsUnitTests() throws Exception {
    Path copy = Files.createTempDirectory("rules");
    Files.createDirectories(copy.resolve("rules"));
    Files.createDirectories(copy.resolve("tests"));
    Files.writeString(
        copy.resolve("rules/facecheck-alerts.yml"),
        Files.readString(RULES).replace("state=\"open\"}) == 1", "state=\"open\"}) == 2"));
    Files.copy(
        DIR.resolve("tests/facecheck-alerts.test.yml"),
        copy.resolve("tests/facecheck-alerts.test.yml"));

    Processes.Result result =
        Processes.run(
            List.of("promtool", "test", "rules", "facecheck-alerts.test.yml"),
            copy.resolve("tests"),
            "");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stdout() + result.stderr()).contains("FacecheckAlipayBreakerOpen");
  }

  @Test
  void scrapeConfigurationPassesPromtoolCheck() {
    Processes.Result result =
        Processes.run(List.of("promtool", "check", "config", "prometheus.yml"), DIR, "");

    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
  }

  @Test
  void rulesNameOnlyDocumentedSeries() throws Exception {
    Map<String, Set<String>> undocumented = new TreeMap<>();
    for (JsonNode rule : rules()) {
      Set<String> names = DocumentedSeries.undocumentedIn(rule.path("expr").asString());
      if (!names.isEmpty()) {
        undocumented.put(rule.path("alert").asString(), names);
      }
    }
    assertThat(undocumented).as("series not in docs/metrics.md").isEmpty();
  }

  private static List<String> alertNames() throws Exception {
    List<String> names = new ArrayList<>();
    rules().forEach(rule -> names.add(rule.path("alert").asString()));
    assertThat(names).hasSizeGreaterThanOrEqualTo(7);
    return names;
  }

  private static List<JsonNode> rules() throws Exception {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : Yaml.one(Files.readString(RULES)).path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }
}
