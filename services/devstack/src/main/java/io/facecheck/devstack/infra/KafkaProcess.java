package io.facecheck.devstack.infra;

import io.facecheck.devstack.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in a JVM of its own ({@code kafka.Kafka}, KRaft combined mode, one node) with
 * its log in {@code <dir>/logs}. Unlike the embedded broker it can be stopped (SIGTERM, a
 * controlled shutdown), killed (SIGKILL) and started again on the same ports, and it comes back
 * with every record it had acknowledged: a restart replays the log from disk.
 */
public final class KafkaProcess implements Broker {

  /** An upper bound for a start on a busy 2-core machine, not a timing assertion. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** C1 only: a restart on a busy machine is mostly JIT work. */
  private static final List<String> RESTART_FRIENDLY_JVM =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private final Path directory;
  private final int port;
  private final List<String> jvmOptions;
  private ChildJvm process;
  private int starts;

  private KafkaProcess(Path directory, int port, List<String> jvmOptions) {
    this.directory = directory;
    this.port = port;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * Formats an empty log in {@code directory} (wiping what was there: the dev stack's database
   * starts empty too), starts the broker on localhost:{@code port} and creates {@code topics}.
   */
  public static KafkaProcess startFresh(
      Path directory, int port, int partitions, Collection<NewTopic> topics) {
    return startFresh(directory, port, partitions, topics, RESTART_FRIENDLY_JVM);
  }

  /**
   * As above, the broker's JVM started with {@code jvmOptions} (the benchmark wants the full JIT,
   * not the quick restarts chaos needs).
   */
  public static KafkaProcess startFresh(
      Path directory,
      int port,
      int partitions,
      Collection<NewTopic> topics,
      List<String> jvmOptions) {
    Path dir = directory.toAbsolutePath();
    KafkaProcess broker = new KafkaProcess(dir, port, jvmOptions);
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("server.properties"),
          serverProperties(dir.resolve("logs"), port, FreePorts.resolve(0), partitions));
      broker.format();
      broker.start();
      try (Admin admin = broker.admin()) {
        admin.createTopics(List.copyOf(topics)).all().get(1, TimeUnit.MINUTES);
      }
      return broker;
    } catch (IOException e) {
      broker.close();
      throw new UncheckedIOException("could not prepare the Kafka log in " + dir, e);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      broker.close();
      throw new IllegalStateException("could not create the topics", e);
    }
  }

  /** Starts the broker on its log and ports, and waits until it answers. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the broker is running");
    }
    starts++;
    process =
        ChildJvm.start(
            "kafka-" + starts,
            "kafka.Kafka",
            java.util.stream.Stream.concat(
                    jvmOptions.stream(), java.util.stream.Stream.of("-Ddevstack.log.level=WARN"))
                .toList(),
            List.of(directory.resolve("server.properties").toString()),
            Map.of(),
            directory.resolve("kafka.log"));
    awaitReady();
  }

  /** A controlled shutdown (SIGTERM): the broker flushes and closes its log. */
  public synchronized void stop() {
    if (process != null) {
      process.stop(60);
    }
  }

  /** SIGKILL: no shutdown at all; what the page cache holds of the log survives. */
  public synchronized int kill() {
    return process == null ? -1 : process.kill();
  }

  /** The broker JVM's process id (to read its CPU time). */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("the broker was never started");
    }
    return process.pid();
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  @Override
  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void close() {
    stop();
  }

  private void format() {
    ChildJvm storageTool =
        ChildJvm.start(
            "kafka-storage",
            "kafka.tools.StorageTool",
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Ddevstack.log.level=WARN"),
            List.of(
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                directory.resolve("server.properties").toString(),
                "--ignore-formatted"),
            Map.of(),
            directory.resolve("format.log"));
    int status = storageTool.awaitExit(120);
    if (status != 0) {
      throw new IllegalStateException("kafka-storage format failed:\n" + storageTool.logTail(30));
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    try (Admin admin = admin()) {
      while (true) {
        process.assertAlive();
        try {
          Set<String> ignored = admin.listTopics().names().get(5, TimeUnit.SECONDS);
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // not up yet
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("the broker did not start:\n" + process.logTail(40));
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the broker", e);
    }
  }

  private Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
  }

  static String serverProperties(Path logDir, int port, int controllerPort, int partitions) {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@localhost:" + controllerPort,
        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
        "advertised.listeners=PLAINTEXT://localhost:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + logDir,
        // topics a service creates on first use (retry topics) get the same partitions
        "auto.create.topics.enable=true",
        "num.partitions=" + partitions,
        "offsets.topic.num.partitions=" + partitions,
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
