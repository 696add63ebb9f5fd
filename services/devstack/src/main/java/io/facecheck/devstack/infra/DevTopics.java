package io.facecheck.devstack.infra;

import io.facecheck.devstack.topics.TopicPlan;
import io.facecheck.devstack.topics.TopicPlanFile;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The pipeline's topics (docs/architecture.md, Topics) as deploy/topics.yaml sets them, created up
 * front on the dev stack's single broker, every one with the same partition count.
 */
public final class DevTopics {

  private DevTopics() {}

  public static List<NewTopic> all(int partitions) {
    return TopicPlanFile.bundled().withPartitions(partitions).newTopics(TopicPlan.SINGLE_BROKER);
  }
}
