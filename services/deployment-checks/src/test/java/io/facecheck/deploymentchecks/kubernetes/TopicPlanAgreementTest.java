package io.facecheck.deploymentchecks.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.deploymentchecks.support.Kustomize;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.devstack.topics.TopicPlan;
import io.facecheck.devstack.topics.TopicPlanFile;
import io.facecheck.worker.config.WorkerProperties;
import io.facecheck.worker.retry.RetrySchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * deploy/topics.yaml is the one place topic settings live: the dev stack and docker compose read
 * it, and the KafkaTopic objects of k8s/base/kafka/topics.yaml must say the same (production
 * profile in prod, single-broker in dev). On a mismatch the message holds the objects to write.
 */
class TopicPlanAgreementTest {

  private static final TopicPlan PLAN =
      TopicPlanFile.read(RepositoryRoot.resolve("deploy/topics.yaml"));

  @Test
  void thePlanHasEveryContractTopicAndTheWorkersRetryTopicsAndNothingElse() {
    RetrySchedule schedule =
        new RetrySchedule(new WorkerProperties.Retry(0, null, null, null).topicDelays());
    List<String> expected = new ArrayList<>();
    expected.addAll(
        List.of(
            Topics.REQUESTS,
            Topics.REQUESTS_DLT,
            Topics.CALLBACKS,
            Topics.CALLBACKS_DLT,
            Topics.QUERIES,
            Topics.QUERIES_DLT,
            Topics.QUERY_RESULTS,
            Topics.QUERY_RESULTS_DLT,
            Topics.RESULTS));
    expected.addAll(schedule.topics(Topics.REQUESTS_RETRY_PREFIX));
    expected.addAll(schedule.topics(Topics.QUERIES_RETRY_PREFIX));

    assertThat(PLAN.topics())
        .extracting(TopicPlan.Topic::name)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theDevStackJarCarriesTheRepositorysPlan() {
    assertThat(TopicPlanFile.bundled()).isEqualTo(PLAN);
  }

  @ParameterizedTest
  @CsvSource({"k8s/overlays/prod, production", "k8s/overlays/dev, single-broker"})
  void theKafkaTopicsSayWhatThePlanSays(String overlay, String profile) {
    Map<String, Map<String, Object>> rendered = new TreeMap<>();
    for (JsonNode topic : Kinds.of(Kustomize.render(overlay), "KafkaTopic")) {
      rendered.put(topic.path("metadata").path("name").asString(), settings(topic));
    }
    Map<String, Map<String, Object>> planned = new TreeMap<>();
    for (NewTopic topic : PLAN.newTopics(profile)) {
      planned.put(topic.name(), settings(topic));
    }

    assertThat(rendered)
        .as(
            "KafkaTopics of %s; k8s/base/kafka/topics.yaml should hold:%n%s",
            overlay, kafkaTopics(PLAN.newTopics(TopicPlan.PRODUCTION)))
        .isEqualTo(planned);
  }

  private static Map<String, Object> settings(JsonNode topic) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("partitions", topic.at("/spec/partitions").asInt());
    settings.put("replicas", topic.at("/spec/replicas").asInt());
    Map<String, String> config = new TreeMap<>();
    topic
        .at("/spec/config")
        .properties()
        .forEach(e -> config.put(e.getKey(), e.getValue().asString()));
    settings.put("config", config);
    return settings;
  }

  private static Map<String, Object> settings(NewTopic topic) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("partitions", topic.numPartitions());
    settings.put("replicas", (int) topic.replicationFactor());
    settings.put("config", new TreeMap<>(topic.configs()));
    return settings;
  }

  private static String kafkaTopics(List<NewTopic> topics) {
    StringBuilder yaml = new StringBuilder();
    for (NewTopic topic : topics) {
      yaml.append("---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: ")
          .append(topic.name())
          .append("\n  labels:\n    strimzi.io/cluster: facecheck-kafka\nspec:\n  partitions: ")
          .append(topic.numPartitions())
          .append("\n  replicas: ")
          .append(topic.replicationFactor())
          .append("\n  config:\n");
      topic
          .configs()
          .forEach((k, v) -> yaml.append("    ").append(k).append(": ").append(v).append('\n'));
    }
    return yaml.toString();
  }
}
