package io.facecheck.deploymentchecks.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * YAML to Jackson trees through SnakeYAML, which resolves anchors and merge keys ({@code <<}) the
 * way Compose and kubectl do; Jackson's own YAML parser would keep {@code <<} as a plain key.
 */
public final class Yaml {

  public static final ObjectMapper JSON = JsonMapper.builder().build();

  private Yaml() {}

  public static JsonNode one(String yaml) {
    return JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(yaml));
  }

  /** Every non-empty document of a multi-document stream. */
  public static List<JsonNode> all(String yaml) {
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : new org.yaml.snakeyaml.Yaml().loadAll(yaml)) {
      if (document != null) {
        documents.add(JSON.valueToTree(document));
      }
    }
    return documents;
  }
}
