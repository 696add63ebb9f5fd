package io.facecheck.deploymentchecks.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What every Deployment and Job of facecheck must have, as one list of violations: the Pod Security
 * "restricted" settings, a writable /tmp under a read-only root, resources, the three probes
 * (Deployments), its own ServiceAccount and Secrets, topology spread, a PodDisruptionBudget and a
 * NetworkPolicy of its own.
 */
final class WorkloadPolicy {

  /** Secrets several workloads may mount: the Kafka cluster CA, which is public anyway. */
  static final Set<String> SHARED_SECRETS = Set.of("facecheck-kafka-cluster-ca-cert");

  private WorkloadPolicy() {}

  static List<String> violations(List<JsonNode> objects) {
    List<String> found = new ArrayList<>();
    List<JsonNode> deployments = Kinds.of(objects, "Deployment");
    for (JsonNode deployment : deployments) {
      found.addAll(podViolations(deployment, true));
      found.addAll(ownSecretViolations(deployment, deployments));
      found.addAll(companionViolations(deployment, objects));
    }
    for (JsonNode job : Kinds.of(objects, "Job")) {
      found.addAll(podViolations(job, false));
    }
    return found;
  }

  static List<String> podViolations(JsonNode workload, boolean longRunning) {
    String where = Kinds.describe(workload);
    JsonNode pod = workload.path("spec").path("template").path("spec");
    List<String> found = new ArrayList<>();
    JsonNode podSecurity = pod.path("securityContext");
    if (!podSecurity.path("runAsNonRoot").asBoolean(false)) {
      found.add(where + ": securityContext.runAsNonRoot is not true");
    }
    if (!"RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asString(""))) {
      found.add(where + ": seccompProfile is not RuntimeDefault");
    }
    if (pod.path("automountServiceAccountToken").asBoolean(true)) {
      found.add(where + ": mounts a service account token it does not need");
    }
    if (!workload
        .path("metadata")
        .path("name")
        .asString()
        .equals(pod.path("serviceAccountName").asString(""))) {
      found.add(where + ": does not run under its own ServiceAccount");
    }
    Set<String> emptyDirs = new HashSet<>();
    pod.path("volumes")
        .forEach(
            v -> {
              if (v.has("emptyDir")) {
                emptyDirs.add(v.path("name").asString());
              }
            });
    List<JsonNode> containers = new ArrayList<>();
    pod.path("initContainers").forEach(containers::add);
    pod.path("containers").forEach(containers::add);
    if (pod.path("containers").isEmpty()) {
      found.add(where + ": no containers");
    }
    for (JsonNode container : containers) {
      found.addAll(containerViolations(where, container, emptyDirs));
    }
    if (longRunning) {
      for (JsonNode container : pod.path("containers")) {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
          if (!container.has(probe)) {
            found.add(where + " container " + container.path("name").asString() + ": no " + probe);
          }
        }
      }
      if (pod.path("topologySpreadConstraints").isEmpty()) {
        found.add(where + ": no topologySpreadConstraints");
      }
    }
    return found;
  }

  private static List<String> containerViolations(
      String where, JsonNode container, Set<String> emptyDirs) {
    String at = where + " container " + container.path("name").asString();
    List<String> found = new ArrayList<>();
    JsonNode security = container.path("securityContext");
    if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
      found.add(at + ": allowPrivilegeEscalation is not false");
    }
    if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
      found.add(at + ": readOnlyRootFilesystem is not true");
    }
    boolean dropsAll = false;
    for (JsonNode capability : security.path("capabilities").path("drop")) {
      dropsAll |= "ALL".equals(capability.asString());
    }
    if (!dropsAll) {
      found.add(at + ": does not drop ALL capabilities");
    }
    boolean writableTmp = false;
    for (JsonNode mount : container.path("volumeMounts")) {
      writableTmp |=
          "/tmp".equals(mount.path("mountPath").asString())
              && emptyDirs.contains(mount.path("name").asString());
    }
    if (!writableTmp) {
      found.add(at + ": no emptyDir at /tmp (the root filesystem is read-only)");
    }
    JsonNode resources = container.path("resources");
    for (String path : List.of("requests/cpu", "requests/memory", "limits/memory")) {
      if (resources.at("/" + path).isMissingNode()) {
        found.add(at + ": no resources." + path.replace('/', '.'));
      }
    }
    return found;
  }

  /** Its own Secret(s), shared with no other Deployment (but the Kafka CA). */
  static List<String> ownSecretViolations(JsonNode deployment, List<JsonNode> deployments) {
    String name = deployment.path("metadata").path("name").asString();
    Set<String> mine = secretsOf(deployment);
    List<String> found = new ArrayList<>();
    if (mine.stream().noneMatch(s -> s.startsWith(name))) {
      found.add(Kinds.describe(deployment) + ": references no Secret of its own (" + name + "…)");
    }
    Map<String, String> others = new HashMap<>();
    for (JsonNode other : deployments) {
      if (other != deployment) {
        secretsOf(other)
            .forEach(s -> others.put(s, other.path("metadata").path("name").asString()));
      }
    }
    for (String secret : mine) {
      if (others.containsKey(secret) && !SHARED_SECRETS.contains(secret)) {
        found.add(
            Kinds.describe(deployment)
                + ": shares Secret "
                + secret
                + " with "
                + others.get(secret));
      }
    }
    return found;
  }

  static Set<String> secretsOf(JsonNode workload) {
    Set<String> secrets = new HashSet<>();
    JsonNode pod = workload.path("spec").path("template").path("spec");
    for (String group : List.of("containers", "initContainers")) {
      for (JsonNode container : pod.path(group)) {
        container
            .path("envFrom")
            .forEach(
                e -> {
                  if (e.has("secretRef")) {
                    secrets.add(e.path("secretRef").path("name").asString());
                  }
                });
        container
            .path("env")
            .forEach(
                e -> {
                  JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                  if (!ref.isMissingNode()) {
                    secrets.add(ref.path("name").asString());
                  }
                });
      }
    }
    pod.path("volumes")
        .forEach(
            v -> {
              if (v.has("secret")) {
                secrets.add(v.path("secret").path("secretName").asString());
              }
            });
    return secrets;
  }

  /** A PodDisruptionBudget and a NetworkPolicy that select this Deployment's pods. */
  static List<String> companionViolations(JsonNode deployment, List<JsonNode> objects) {
    JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
    List<String> found = new ArrayList<>();
    if (Kinds.of(objects, "PodDisruptionBudget").stream()
        .noneMatch(p -> Kinds.selects(p.path("spec").path("selector"), labels))) {
      found.add(Kinds.describe(deployment) + ": no PodDisruptionBudget selects it");
    }
    boolean defaultDeny = false;
    boolean ownPolicy = false;
    for (JsonNode policy : Kinds.of(objects, "NetworkPolicy")) {
      if (!Kinds.selects(policy.path("spec").path("podSelector"), labels)) {
        continue;
      }
      boolean allowsSomething =
          !policy.path("spec").path("egress").isEmpty()
              || !policy.path("spec").path("ingress").isEmpty();
      defaultDeny |= !allowsSomething;
      ownPolicy |= allowsSomething;
    }
    if (!defaultDeny) {
      found.add(Kinds.describe(deployment) + ": no default-deny NetworkPolicy selects it");
    }
    if (!ownPolicy) {
      found.add(Kinds.describe(deployment) + ": no NetworkPolicy allows its traffic");
    }
    return found;
  }
}
