package io.facecheck.devstack.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Brings a broker's topics in line with a plan: creates the missing ones, raises partitions that
 * are fewer (never lowers them: Kafka cannot), and sets each planned config. Running it twice does
 * nothing the second time, so docker compose may run it on every {@code up}.
 */
public final class TopicSync {

  private final Admin admin;
  private final long timeoutSeconds;

  public TopicSync(Admin admin, long timeoutSeconds) {
    this.admin = admin;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** What was done to each topic, one line each, for the log. */
  public List<String> apply(Collection<NewTopic> planned)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing =
        new HashSet<>(admin.listTopics().names().get(timeoutSeconds, TimeUnit.SECONDS));
    List<NewTopic> missing = planned.stream().filter(t -> !existing.contains(t.name())).toList();
    List<String> done = new ArrayList<>();
    if (!missing.isEmpty()) {
      Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
      for (NewTopic topic : missing) {
        try {
          created.get(topic.name()).get(timeoutSeconds, TimeUnit.SECONDS);
          done.add("created " + describe(topic));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          // created meanwhile by someone else, or by an earlier attempt of this very request
          // that the admin client retried after a timeout: configure it like any existing topic
          existing.add(topic.name());
        }
      }
    }
    List<String> present = planned.stream().map(NewTopic::name).filter(existing::contains).toList();
    if (present.isEmpty()) {
      return done;
    }
    Map<String, TopicDescription> descriptions =
        admin.describeTopics(present).allTopicNames().get(timeoutSeconds, TimeUnit.SECONDS);
    Map<String, NewPartitions> grow = new HashMap<>();
    Map<ConfigResource, Collection<AlterConfigOp>> configs = new HashMap<>();
    for (NewTopic topic : planned) {
      TopicDescription found = descriptions.get(topic.name());
      if (found == null) {
        continue;
      }
      int partitions = found.partitions().size();
      if (partitions < topic.numPartitions()) {
        grow.put(topic.name(), NewPartitions.increaseTo(topic.numPartitions()));
        done.add("raised " + topic.name() + " from " + partitions + " partitions");
      } else if (partitions > topic.numPartitions()) {
        done.add("kept " + topic.name() + " at " + partitions + " partitions (cannot lower)");
      }
      configs.put(
          new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
          topic.configs().entrySet().stream()
              .map(
                  e ->
                      new AlterConfigOp(
                          new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
              .toList());
      done.add("configured " + describe(topic));
    }
    if (!grow.isEmpty()) {
      admin.createPartitions(grow).all().get(timeoutSeconds, TimeUnit.SECONDS);
    }
    admin.incrementalAlterConfigs(configs).all().get(timeoutSeconds, TimeUnit.SECONDS);
    return done;
  }

  private static String describe(NewTopic topic) {
    return topic.name()
        + " (partitions "
        + topic.numPartitions()
        + ", replicas "
        + topic.replicationFactor()
        + ", "
        + topic.configs()
        + ")";
  }
}
