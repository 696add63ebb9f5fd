package io.facecheck.devstack.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads deploy/topics.yaml. The build copies it into this jar ({@link #RESOURCE}), so the dev stack
 * and docker compose's {@code topics-init} read the very file the repository holds.
 */
public final class TopicPlanFile {

  /** Where the build puts deploy/topics.yaml in the devstack jar. */
  public static final String RESOURCE = "/io/facecheck/devstack/topics/topics.yaml";

  private TopicPlanFile() {}

  /** The plan this jar was built with. */
  public static TopicPlan bundled() {
    try (InputStream in = TopicPlanFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the devstack jar");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TopicPlan read(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the YAML; a topic without partitions or config takes those of {@code defaults}. */
  public static TopicPlan parse(String yaml) {
    JsonNode root = new YAMLMapper().readTree(yaml);
    Map<String, TopicPlan.Replication> replication = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> profile : root.required("replication").properties()) {
      replication.put(
          profile.getKey(),
          new TopicPlan.Replication(
              profile.getValue().required("replicas").asInt(),
              profile.getValue().required("min.insync.replicas").asInt()));
    }
    JsonNode defaults = root.required("defaults");
    int defaultPartitions = defaults.required("partitions").asInt();
    Map<String, String> defaultConfig = strings(defaults.path("config"));
    List<TopicPlan.Topic> topics =
        root.required("topics")
            .valueStream()
            .map(
                topic -> {
                  Map<String, String> config = new LinkedHashMap<>(defaultConfig);
                  config.putAll(strings(topic.path("config")));
                  if (config.containsKey("min.insync.replicas")) {
                    throw new IllegalArgumentException(
                        "min.insync.replicas belongs to a replication profile, not to topic "
                            + topic.required("name").asString());
                  }
                  return new TopicPlan.Topic(
                      topic.required("name").asString(),
                      topic.path("partitions").asInt(defaultPartitions),
                      config);
                })
            .toList();
    return new TopicPlan(replication, topics);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      values.put(entry.getKey(), entry.getValue().asString());
    }
    return values;
  }
}
