package io.facecheck.devstack.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicPlanFileTest {

  @Test
  void theBundledPlanHasEveryContractTopicIncludingTheNewDeadLetterTopics() {
    TopicPlan plan = TopicPlanFile.bundled();

    assertThat(plan.topics())
        .extracting(TopicPlan.Topic::name)
        .contains(
            Topics.REQUESTS,
            Topics.REQUESTS_DLT,
            Topics.CALLBACKS,
            Topics.CALLBACKS_DLT,
            Topics.QUERIES,
            Topics.QUERIES_DLT,
            Topics.QUERY_RESULTS,
            Topics.QUERY_RESULTS_DLT,
            Topics.RESULTS,
            Topics.REQUESTS_RETRY_PREFIX + "5s",
            Topics.QUERIES_RETRY_PREFIX + "10m");
  }

  @Test
  void aTopicTakesTheDefaultsItDoesNotSetAndTheProfileGivesReplication() {
    TopicPlan plan =
        TopicPlanFile.parse(
            """
            replication:
              production: {replicas: 3, min.insync.replicas: 2}
            defaults:
              partitions: 6
              config: {retention.ms: 100, cleanup.policy: delete}
            topics:
              - name: a
              - name: b
                partitions: 12
                config: {retention.ms: 200}
            """);

    NewTopic b = plan.newTopics(TopicPlan.PRODUCTION).get(1);

    assertThat(b.numPartitions()).isEqualTo(12);
    assertThat(b.replicationFactor()).isEqualTo((short) 3);
    assertThat(b.configs())
        .containsEntry("retention.ms", "200")
        .containsEntry("cleanup.policy", "delete")
        .containsEntry("min.insync.replicas", "2");
    assertThat(plan.topic("a").orElseThrow().partitions()).isEqualTo(6);
  }

  @Test
  void minInsyncReplicasOnATopicIsRefusedBecauseItBelongsToTheProfile() {
    assertThatThrownBy(
            () ->
                TopicPlanFile.parse(
                    """
                    replication: {}
                    defaults: {partitions: 1}
                    topics:
                      - name: a
                        config: {min.insync.replicas: 2}
                    """))
        .hasMessageContaining("min.insync.replicas belongs to a replication profile");
  }

  @Test
  void anUnknownProfileIsNamed() {
    assertThatThrownBy(() -> TopicPlanFile.bundled().newTopics("staging"))
        .hasMessageContaining("no replication profile staging");
  }
}
