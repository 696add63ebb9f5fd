package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.deploymentchecks.support.Kustomize;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** Kafka users see only their topics; autoscalers never run more consumers than partitions. */
class KafkaAccessTest {

  static final List<String> OVERLAYS = Kustomize.OVERLAYS;

  @Test
  void onlyTheWorkerAndOpsMayReadOrWriteTheRequestDeadLetters() {
    List<JsonNode> objects = Kustomize.render("k8s/overlays/prod");

    Set<String> users = new TreeSet<>();
    for (JsonNode user : Kinds.of(objects, "KafkaUser")) {
      for (JsonNode acl : user.at("/spec/authorization/acls")) {
        if (matches(acl.path("resource"), "topic", Topics.REQUESTS_DLT)
            && grantsData(acl.path("operations"))) {
          users.add(user.path("metadata").path("name").asString());
        }
      }
    }

    assertThat(users).containsExactly("facecheck-ops", "facecheck-worker");
  }

  @Test
  void everyLiteralTopicAnAclNamesIsAKafkaTopic() {
    List<JsonNode> objects = Kustomize.render("k8s/overlays/prod");
    Set<String> topics = new TreeSet<>();
    Kinds.of(objects, "KafkaTopic")
        .forEach(t -> topics.add(t.path("metadata").path("name").asString()));

    for (JsonNode user : Kinds.of(objects, "KafkaUser")) {
      for (JsonNode acl : user.at("/spec/authorization/acls")) {
        JsonNode resource = acl.path("resource");
        if ("topic".equals(resource.path("type").asString())
            && "literal".equals(resource.path("patternType").asString("literal"))) {
          assertThat(topics)
              .as("topic of an ACL of %s", Kinds.describe(user))
              .contains(resource.path("name").asString());
        }
      }
    }
  }

  @ParameterizedTest
  @FieldSource("OVERLAYS")
  void noAutoscalerRunsMoreConsumersThanItsTopicsHavePartitions(String overlay) {
    List<JsonNode> objects = Kustomize.render(overlay);

    for (JsonNode scaled : Kinds.of(objects, "ScaledObject")) {
      int maxReplicas = scaled.at("/spec/maxReplicaCount").asInt();
      for (JsonNode trigger : scaled.at("/spec/triggers")) {
        String topic = trigger.at("/metadata/topic").asString();
        int partitions =
            Kustomize.named(objects, "KafkaTopic", topic).at("/spec/partitions").asInt();
        assertThat(maxReplicas)
            .as("%s max replicas vs partitions of %s", Kinds.describe(scaled), topic)
            .isLessThanOrEqualTo(partitions);
      }
    }
  }

  private static boolean matches(JsonNode resource, String type, String name) {
    if (!type.equals(resource.path("type").asString())) {
      return false;
    }
    String pattern = resource.path("name").asString();
    return "prefix".equals(resource.path("patternType").asString("literal"))
        ? name.startsWith(pattern) || "*".equals(pattern)
        : name.equals(pattern) || "*".equals(pattern);
  }

  /** Operations that read or write records (Describe only shows metadata). */
  private static boolean grantsData(JsonNode operations) {
    for (JsonNode operation : operations) {
      if (Set.of("Read", "Write", "All").contains(operation.asString())) {
        return true;
      }
    }
    return false;
  }
}
