package io.facecheck.deploymentchecks.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Validates objects against the Kubernetes API schemas and the Strimzi, CloudNativePG and KEDA CRD
 * schemas: src/test/node/validate-k8s.mjs run by Node.js on the compiled validators of the npm
 * packages in package.json (installed with {@code npm ci} in this module, as .ci/run does).
 */
public final class KubernetesSchemas {

  private static final Path MODULE = RepositoryRoot.resolve("services/deployment-checks");

  private KubernetesSchemas() {}

  public static void requireNode() {
    RequiredTool.require(
        Processes.works(List.of("node", "--version")),
        "Node.js is not on the PATH",
        "install it (Debian: apt-get install nodejs)");
    RequiredTool.require(
        Files.isDirectory(MODULE.resolve("node_modules/kubernetes-models")),
        "the schema packages are not installed",
        "run: npm ci --prefix services/deployment-checks");
  }

  /** One JSON line per object, {@code {"kind","name","errors":[…]}}. */
  public static List<JsonNode> validate(List<JsonNode> objects) {
    requireNode();
    Processes.Result result =
        Processes.run(
            List.of("node", "src/test/node/validate-k8s.mjs"),
            MODULE,
            Yaml.JSON.writeValueAsString(objects));
    if (result.stdout().isBlank()) {
      throw new AssertionError("validate-k8s.mjs printed nothing: " + result.stderr());
    }
    return result.stdout().lines().map(line -> Yaml.JSON.readTree(line)).toList();
  }
}
