package io.facecheck.deploymentchecks.kubernetes;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Small helpers over rendered objects. */
final class Kinds {

  private Kinds() {}

  static List<JsonNode> of(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
  }

  static String describe(JsonNode object) {
    return object.path("kind").asString() + " " + object.path("metadata").path("name").asString();
  }

  /** Whether a label selector ({@code matchLabels} only, as facecheck uses) selects labels. */
  static boolean selects(JsonNode selector, JsonNode labels) {
    JsonNode match = selector.path("matchLabels");
    if (match.isMissingNode() || match.isEmpty()) {
      return selector.path("matchExpressions").isEmpty(); // {} selects every pod
    }
    for (Map.Entry<String, JsonNode> label : match.properties()) {
      if (!label.getValue().asString().equals(labels.path(label.getKey()).asString(null))) {
        return false;
      }
    }
    return true;
  }

  /** The value of environment variable {@code name} in the first container, or null. */
  static String env(JsonNode workload, String name) {
    for (JsonNode e :
        workload
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .path(0)
            .path("env")) {
      if (name.equals(e.path("name").asString())) {
        return e.path("value").asString(null);
      }
    }
    return null;
  }
}
