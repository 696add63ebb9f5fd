package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.deploymentchecks.support.Kustomize;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rendered Deployments and the Job keep the policy; and the policy does catch a Deployment that
 * lacks its security context, a probe, its resources or its own Secret.
 */
class WorkloadPolicyTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void everyWorkloadKeepsThePolicy(String overlay) {
    assertThat(WorkloadPolicy.violations(Kustomize.render(overlay))).isEmpty();
  }

  @Test
  void aDeploymentWithoutSecurityContextIsCaught() {
    assertThat(violationsAfter(worker -> pod(worker).remove("securityContext")))
        .anyMatch(v -> v.contains("runAsNonRoot"))
        .anyMatch(v -> v.contains("seccompProfile"));
    assertThat(violationsAfter(worker -> container(worker).remove("securityContext")))
        .anyMatch(v -> v.contains("readOnlyRootFilesystem"))
        .anyMatch(v -> v.contains("allowPrivilegeEscalation"))
        .anyMatch(v -> v.contains("capabilities"));
  }

  @Test
  void aDeploymentWithoutAProbeIsCaught() {
    assertThat(violationsAfter(worker -> container(worker).remove("livenessProbe")))
        .containsExactly("Deployment facecheck-worker container worker: no livenessProbe");
    assertThat(violationsAfter(worker -> container(worker).remove("startupProbe")))
        .containsExactly("Deployment facecheck-worker container worker: no startupProbe");
  }

  @Test
  void aDeploymentWithoutResourcesIsCaught() {
    assertThat(violationsAfter(worker -> container(worker).remove("resources")))
        .contains(
            "Deployment facecheck-worker container worker: no resources.requests.cpu",
            "Deployment facecheck-worker container worker: no resources.limits.memory");
  }

  @Test
  void aDeploymentSharingAnotherServicesSecretIsCaught() {
    List<String> violations =
        violationsAfter(
            worker ->
                ((ObjectNode) container(worker).path("envFrom").path(1).path("secretRef"))
                    .put("name", "facecheck-intake-secrets"));

    assertThat(violations).anyMatch(v -> v.contains("shares Secret facecheck-intake-secrets"));
  }

  @Test
  void aDeploymentWithoutItsOwnSecretIsCaught() {
    List<String> violations =
        violationsAfter(
            reconciler -> {},
            "facecheck-reconciler",
            reconciler -> {
              ObjectNode container = container(reconciler);
              container.remove("env");
              pod(reconciler).remove("initContainers");
            });

    assertThat(violations)
        .contains(
            "Deployment facecheck-reconciler: references no Secret of its own (facecheck-reconciler…)");
  }

  private static List<String> violationsAfter(Consumer<ObjectNode> changeWorker) {
    return violationsAfter(changeWorker, "facecheck-worker", d -> {});
  }

  private static List<String> violationsAfter(
      Consumer<ObjectNode> changeWorker, String other, Consumer<ObjectNode> changeOther) {
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode object : Kustomize.render("k8s/overlays/prod")) {
      ObjectNode copy = (ObjectNode) object.deepCopy();
      if ("Deployment".equals(copy.path("kind").asString())) {
        String name = copy.path("metadata").path("name").asString();
        if ("facecheck-worker".equals(name)) {
          changeWorker.accept(copy);
        }
        if (other.equals(name)) {
          changeOther.accept(copy);
        }
      }
      objects.add(copy);
    }
    return WorkloadPolicy.violations(objects);
  }

  private static ObjectNode pod(ObjectNode deployment) {
    return (ObjectNode) deployment.path("spec").path("template").path("spec");
  }

  private static ObjectNode container(ObjectNode deployment) {
    return (ObjectNode) pod(deployment).path("containers").path(0);
  }
}
