package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * Every service is scraped: a PodMonitor selects its pods on a port its container declares, at
 * /actuator/prometheus, and its NetworkPolicy lets the namespace {@code monitoring} reach that port
 * (the default-deny policy would drop the scrape otherwise).
 */
class MonitoringTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyDeploymentIsScrapedOnAPortItsNetworkPolicyOpensToMonitoring(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);
    List<JsonNode> deployments = Kinds.of(objects, "Deployment");
    assertThat(deployments).hasSize(3);
    for (JsonNode deployment : deployments) {
      assertThat(violations(deployment, objects)).isEmpty();
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void aDeploymentWithoutItsPodMonitorIsCaught(String overlay) {
    List<JsonNode> objects =
        Kustomize.render(overlay).stream()
            .filter(
                o ->
                    !("PodMonitor".equals(o.path("kind").asString())
                        && "facecheck-worker".equals(o.at("/metadata/name").asString())))
            .toList();

    assertThat(violations(Kustomize.named(objects, "Deployment", "facecheck-worker"), objects))
        .isNotEmpty();
  }

  private static List<String> violations(JsonNode deployment, List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    JsonNode labels = deployment.at("/spec/template/metadata/labels");
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    List<JsonNode> monitors =
        Kinds.of(objects, "PodMonitor").stream()
            .filter(m -> Kinds.selects(m.at("/spec/selector"), labels))
            .toList();
    if (monitors.size() != 1) {
      found.add(Kinds.describe(deployment) + ": selected by " + monitors.size() + " PodMonitors");
      return found;
    }
    JsonNode endpoint = monitors.get(0).at("/spec/podMetricsEndpoints/0");
    assertThat(endpoint.path("path").asString()).isEqualTo("/actuator/prometheus");
    int port = -1;
    for (JsonNode declared : container.path("ports")) {
      if (declared.path("name").asString().equals(endpoint.path("port").asString())) {
        port = declared.path("containerPort").asInt();
      }
    }
    if (port < 0) {
      found.add(Kinds.describe(deployment) + ": no container port " + endpoint.path("port"));
      return found;
    }
    boolean open = false;
    for (JsonNode policy : Kinds.of(objects, "NetworkPolicy")) {
      if (!Kinds.selects(policy.at("/spec/podSelector"), labels)) {
        continue;
      }
      for (JsonNode rule : policy.at("/spec/ingress")) {
        boolean fromMonitoring = false;
        for (JsonNode peer : rule.path("from")) {
          fromMonitoring |=
              "monitoring"
                  .equals(
                      peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                          .asString(""));
        }
        for (JsonNode allowed : rule.path("ports")) {
          open |= fromMonitoring && allowed.path("port").asInt() == port;
        }
      }
    }
    if (!open) {
      found.add(Kinds.describe(deployment) + ": monitoring may not reach port " + port);
    }
    return found;
  }
}
