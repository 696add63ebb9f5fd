package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** Every overlay renders with kubectl kustomize, into the facecheck namespace. */
class OverlaysRenderTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void rendersEveryPartOfTheDeployment(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);

    assertThat(objects)
        .extracting(o -> o.path("kind").asString())
        .contains(
            "Namespace",
            "Deployment",
            "Job",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "KafkaUser",
            "Cluster",
            "ScaledObject",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "NetworkPolicy",
            "Ingress");
    assertThat(objects)
        .filteredOn(o -> !CLUSTER_SCOPED.contains(o.path("kind").asString()))
        .allSatisfy(
            o ->
                assertThat(o.path("metadata").path("namespace").asString())
                    .as(Kinds.describe(o))
                    .isEqualTo("facecheck"));
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void theNamespaceEnforcesTheRestrictedPodSecurityProfile(String overlay) {
    JsonNode namespace = Kustomize.named(Kustomize.render(overlay), "Namespace", "facecheck");

    assertThat(
            namespace
                .path("metadata")
                .path("labels")
                .path("pod-security.kubernetes.io/enforce")
                .asString())
        .isEqualTo("restricted");
  }
}
