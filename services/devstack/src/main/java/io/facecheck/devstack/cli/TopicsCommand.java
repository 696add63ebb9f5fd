package io.facecheck.devstack.cli;

import io.facecheck.devstack.topics.TopicPlan;
import io.facecheck.devstack.topics.TopicPlanFile;
import io.facecheck.devstack.topics.TopicSync;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code topics}: docker compose's one-shot {@code topics-init}, or any broker by hand. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Create or update the pipeline's topics on a broker as deploy/topics.yaml sets them:"
            + " missing topics are created, partitions raised, configs set. Exit 2 when the"
            + " broker cannot be reached in time.")
public final class TopicsCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap-servers",
      defaultValue = "${env:SPRING_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
      description = "Kafka bootstrap servers (env SPRING_KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--file",
      description = "A topics.yaml; default: the one this jar was built with.")
  Path file;

  @Option(
      names = "--replication",
      defaultValue = TopicPlan.SINGLE_BROKER,
      description = "Replication profile of topics.yaml: single-broker or production.")
  String replication;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "60",
      description = "How long to wait for the broker.")
  long timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    TopicPlan plan = file != null ? TopicPlanFile.read(file) : TopicPlanFile.bundled();
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            (int) (timeoutSeconds * 1000));
    try (Admin admin = Admin.create(config)) {
      new TopicSync(admin, timeoutSeconds)
          .apply(plan.newTopics(replication))
          .forEach(line -> System.out.println("topics: " + line));
      return 0;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      System.err.println(
          "topics: could not bring the topics of "
              + bootstrapServers
              + " in line within "
              + timeoutSeconds
              + " s: "
              + e);
      return 2;
    }
  }
}
