package io.facecheck.devstack.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics of deploy/topics.yaml: each one's partitions and configuration, and the replication
 * profiles (replicas, {@code min.insync.replicas}) one picks per environment.
 */
public record TopicPlan(Map<String, Replication> replication, List<Topic> topics) {

  /** The profile of one broker: the dev stack, docker compose, the k8s dev overlay. */
  public static final String SINGLE_BROKER = "single-broker";

  /** The profile of a production cluster (three brokers or more). */
  public static final String PRODUCTION = "production";

  public TopicPlan {
    replication = Map.copyOf(replication);
    topics = List.copyOf(topics);
  }

  /** How many copies each partition keeps, and how many must have a write before acks=all. */
  public record Replication(int replicas, int minInsyncReplicas) {}

  /** One topic; {@code config} holds topic-level settings such as {@code retention.ms}. */
  public record Topic(String name, int partitions, Map<String, String> config) {
    public Topic {
      config = Map.copyOf(config);
    }
  }

  public Optional<Topic> topic(String name) {
    return topics.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Replication replication(String profile) {
    Replication found = replication.get(profile);
    if (found == null) {
      throw new IllegalArgumentException(
          "no replication profile " + profile + " in topics.yaml; known: " + replication.keySet());
    }
    return found;
  }

  /** Every topic with {@code profile}'s replication, {@code min.insync.replicas} in its config. */
  public List<NewTopic> newTopics(String profile) {
    Replication copies = replication(profile);
    return topics.stream()
        .map(
            t -> {
              Map<String, String> config = new LinkedHashMap<>(t.config());
              config.put("min.insync.replicas", String.valueOf(copies.minInsyncReplicas()));
              return new NewTopic(t.name(), t.partitions(), (short) copies.replicas())
                  .configs(config);
            })
        .toList();
  }

  /** The same plan with every topic at {@code partitions} partitions (the dev stack's option). */
  public TopicPlan withPartitions(int partitions) {
    return new TopicPlan(
        replication,
        topics.stream().map(t -> new Topic(t.name(), partitions, t.config())).toList());
  }
}
