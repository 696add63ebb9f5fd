package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The alert rules have one source, observability/prometheus/rules/facecheck-alerts.yml (promtool
 * tests it, compose's Prometheus loads it). The Prometheus Operator's copy,
 * k8s/base/monitoring/alert-rules.yaml, is that file indented under a PrometheusRule's {@code
 * spec}: it must stay exactly that, and the rendered overlays must carry those very groups (up to
 * whitespace in text, see {@link #whitespaceFolded}). On a mismatch the message holds the file to
 * write.
 */
class PrometheusRuleTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  private static final String RULES = "observability/prometheus/rules/facecheck-alerts.yml";
  private static final String WRAPPED = "k8s/base/monitoring/alert-rules.yaml";
  private static final String MONITORING_LABEL = "facecheck.io/monitoring";

  @Test
  void theKubernetesFileIsTheRuleFileIndentedUnderAPrometheusRule() {
    String expected = wrapped(read(RULES));

    assertThat(read(WRAPPED))
        .as("%s is stale; write this to it:%n%s", WRAPPED, expected)
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyOverlayCarriesExactlyTheGroupsOfTheRuleFile(String overlay) {
    List<JsonNode> rules = Kinds.of(Kustomize.render(overlay), "PrometheusRule");

    assertThat(rules).hasSize(1);
    assertThat(whitespaceFolded(rules.get(0).at("/spec/groups")))
        .isEqualTo(whitespaceFolded(ruleFileGroups()));
  }

  @Test
  void aRuleChangedInOnlyOneOfThemIsCaught() {
    JsonNode copy = Yaml.one(read(WRAPPED)).at("/spec/groups").deepCopy();
    ((ObjectNode) copy.at("/0/rules/0")).put("for", "1h");

    assertThat(whitespaceFolded(copy)).isNotEqualTo(whitespaceFolded(ruleFileGroups()));
    assertThat(wrapped(read(RULES).replace("for: 2m", "for: 3m"))).isNotEqualTo(read(WRAPPED));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void thePrometheusThatSelectsThePodMonitorsSelectsTheRulesToo(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    JsonNode rule = Kinds.of(objects, "PrometheusRule").get(0);

    assertThat(rule.at("/metadata/labels").path(MONITORING_LABEL).asString()).isEqualTo("true");
    assertThat(Kinds.of(objects, "PodMonitor"))
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.at("/metadata/labels").path(MONITORING_LABEL).asString())
                    .isEqualTo("true"));
  }

  /** What k8s/base/monitoring/alert-rules.yaml must hold for this rule file. */
  static String wrapped(String ruleFile) {
    StringBuilder out =
        new StringBuilder(
            """
            # GENERATED from observability/prometheus/rules/facecheck-alerts.yml, the one source of the alert
            # rules (compose's Prometheus loads that file): `spec` below is that file, indented. Change the
            # rules there; services/deployment-checks (PrometheusRuleTest) fails while this copy differs and
            # prints the text to put here.
            # The Prometheus Operator loads it into a Prometheus whose ruleSelector matches the label below
            # (the same label its podMonitorSelector matches on the PodMonitors).
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: facecheck-alerts
              labels:
                facecheck.io/monitoring: "true"
            spec:
            """);
    // YAML nesting is indentation: two more spaces on every line keep block scalars intact
    ruleFile.lines().forEach(line -> out.append(line.isEmpty() ? "" : "  " + line).append('\n'));
    return out.toString();
  }

  /**
   * Every text with its runs of whitespace made one space. kubectl's YAML library reads a folded
   * ({@code >-}) expression with an extra line break before a more-indented line where SnakeYAML
   * does not; to PromQL and to an alert's text that is the same.
   */
  static JsonNode whitespaceFolded(JsonNode node) {
    if (node.isString()) {
      return StringNode.valueOf(node.asString().replaceAll("\\s+", " ").trim());
    }
    JsonNode copy = node.deepCopy();
    if (copy instanceof ObjectNode object) {
      node.properties().forEach(e -> object.set(e.getKey(), whitespaceFolded(e.getValue())));
    } else if (copy instanceof ArrayNode array) {
      for (int i = 0; i < node.size(); i++) {
        array.set(i, whitespaceFolded(node.get(i)));
      }
    }
    return copy;
  }

  private static JsonNode ruleFileGroups() {
    return Yaml.one(read(RULES)).path("groups");
  }

  private static String read(String path) {
    try {
      return Files.readString(RepositoryRoot.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
