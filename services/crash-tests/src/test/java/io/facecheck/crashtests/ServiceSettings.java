package io.facecheck.crashtests;

import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.ServiceProperties;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings each child service starts with: the devstack's ({@link ServiceProperties}, the
 * properties each README documents) for this run's ports, database and keys, plus what processes
 * that get killed need: quick failure detection, and a short ladder so the reconciler decides
 * within seconds.
 */
final class ServiceSettings {

  /** Partitions of every pipeline topic. */
  static final int PARTITIONS = 6;

  // the first step is the one the worker schedules (first-query-delay)
  private static final List<Duration> LADDER =
      List.of(
          Duration.ofSeconds(2),
          Duration.ofSeconds(4),
          Duration.ofSeconds(8),
          Duration.ofSeconds(16));

  private static final Map<String, String> EVERY_SERVICE =
      Map.of(
          // a killed consumer's partitions go to its successor after 6 s, not Kafka's default 45 s
          "spring.kafka.consumer.properties.session.timeout.ms", "6000",
          "spring.kafka.consumer.properties.heartbeat.interval.ms", "1000",
          // unlike the devstack's in-process services, each child stops on SIGTERM by itself
          "spring.main.register-shutdown-hook", "true");

  private final Secrets secrets;
  private final StackSettings ports;
  private final ServiceProperties properties;
  private final String bootstrapServers;

  private ServiceSettings(
      Secrets secrets, StackSettings ports, ServiceProperties properties, String bootstrapServers) {
    this.secrets = secrets;
    this.ports = ports;
    this.properties = properties;
    this.bootstrapServers = bootstrapServers;
  }

  /** Free ports for intake, worker and reconciler; Kafka, database and simulator as given. */
  static ServiceSettings create(
      Secrets secrets,
      String bootstrapServers,
      TestPostgres.Database database,
      String gatewayUrl,
      String alipayPublicKey) {
    StackSettings ports =
        new StackSettings(
                0,
                0,
                0,
                0,
                0,
                0,
                PARTITIONS,
                Path.of("target"),
                Scenario.none(),
                LADDER,
                1,
                0,
                null,
                EVERY_SERVICE)
            .withFreePortsResolved();
    ServiceProperties properties =
        new ServiceProperties(
            ports,
            secrets,
            bootstrapServers,
            database.jdbcUrl(),
            database.user(),
            database.password(),
            gatewayUrl,
            alipayPublicKey);
    return new ServiceSettings(secrets, ports, properties, bootstrapServers);
  }

  Map<String, String> worker(String instance) {
    Map<String, String> p = properties.worker();
    p.put("facecheck.worker.instance", instance);
    structuredLogs(p, "ecs");
    return p;
  }

  /**
   * The worker logs ECS JSON and the reconciler Logstash JSON (intake stays plain), so the PII scan
   * reads every form a service can log in; DEBUG adds a line per status change, written while a
   * record is handled, which must carry the record's ids.
   */
  private static void structuredLogs(Map<String, String> p, String format) {
    p.put("logging.config", "classpath:logback-structured.xml");
    p.put("logging.structured.format.console", format);
    p.put("logging.level.io.facecheck.worker.initiation", "DEBUG");
    p.put("logging.level.io.facecheck.reconciler.decision", "DEBUG");
  }

  Map<String, String> reconciler(String instance) {
    Map<String, String> p = properties.reconciler(0, ports.reconcilerPort());
    p.put("facecheck.reconciler.source", "reconciler@" + instance);
    p.put("facecheck.reconciler.ladder-interval", "200ms");
    p.put("facecheck.reconciler.claim-lease", "3s");
    p.put("facecheck.reconciler.final-retry", "5s");
    // small relay batches: a burst of events takes many rounds, so a kill lands inside one
    p.put("facecheck.reconciler.relay-batch", "10");
    p.put("facecheck.reconciler.relay-standby-interval", "200ms");
    structuredLogs(p, "logstash");
    return p;
  }

  Map<String, String> intake() {
    return properties.intake();
  }

  String intakeUrl() {
    return properties.intakeUrl();
  }

  String appId() {
    return secrets.appId();
  }

  /** The client intake knows a bearer token of (the devstack's demo client). */
  String httpClientId() {
    return secrets.clientId();
  }

  String httpClientToken() {
    return secrets.clientToken();
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  int intakePort() {
    return ports.intakePort();
  }

  int workerPort() {
    return ports.workerPort();
  }

  int reconcilerPort() {
    return ports.reconcilerPort();
  }

  @Override
  public String toString() {
    return "ServiceSettings[kafka=" + bootstrapServers + ", ports=" + ports + "]";
  }
}
