package io.facecheck.devstack.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** TopicSync against a real KRaft broker: what docker compose's topics-init does. */
class TopicSyncIT {

  private static EmbeddedKafkaKraftBroker broker;
  private static Admin admin;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
    broker.afterPropertiesSet();
    admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
  }

  @AfterAll
  static void stopBroker() {
    admin.close();
    broker.destroy();
  }

  @Test
  void createsTheWholePlanWithItsRetentionAndThenOnlyReconfigures() throws Exception {
    List<NewTopic> planned = TopicPlanFile.bundled().newTopics(TopicPlan.SINGLE_BROKER);
    TopicSync sync = new TopicSync(admin, 30);

    List<String> first = sync.apply(planned);
    List<String> second = sync.apply(planned);

    assertThat(first).filteredOn(l -> l.startsWith("created")).isNotEmpty();
    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
        .containsAll(planned.stream().map(NewTopic::name).toList());
    assertThat(second).noneMatch(l -> l.startsWith("created") || l.startsWith("raised"));
    Config dlt = config("verification-requests-dlt");
    assertThat(dlt.get("retention.ms").value()).isEqualTo("2592000000");
    assertThat(dlt.get("min.insync.replicas").value()).isEqualTo("1");
    assertThat(
            admin
                .describeTopics(List.of("verification-results"))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get("verification-results")
                .partitions())
        .hasSize(6);
  }

  @Test
  void raisesFewerPartitionsAndRestoresAChangedRetention() throws Exception {
    admin
        .createTopics(
            List.of(
                new NewTopic("sync-raise", 2, (short) 1).configs(Map.of("retention.ms", "1000"))))
        .all()
        .get(30, TimeUnit.SECONDS);
    NewTopic planned =
        new NewTopic("sync-raise", 4, (short) 1).configs(Map.of("retention.ms", "604800000"));

    List<String> done = new TopicSync(admin, 30).apply(List.of(planned));

    assertThat(done).contains("raised sync-raise from 2 partitions");
    assertThat(config("sync-raise").get("retention.ms").value()).isEqualTo("604800000");
  }

  private static Config config(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
  }
}
