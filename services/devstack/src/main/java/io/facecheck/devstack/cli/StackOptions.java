package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.AlipaySetup;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Ports, directories and service settings shared by every command. 0 for a port: any free one. */
public final class StackOptions {

  @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port.")
  int kafkaPort;

  @Option(names = "--postgres-port", defaultValue = "55432", description = "PostgreSQL port.")
  int postgresPort;

  @Option(names = "--simulator-port", defaultValue = "8089", description = "Alipay simulator port.")
  int simulatorPort;

  @Option(names = "--intake-port", defaultValue = "8080", description = "Intake HTTP port.")
  int intakePort;

  @Option(names = "--worker-port", defaultValue = "8081", description = "Worker management port.")
  int workerPort;

  @Option(
      names = "--reconciler-port",
      defaultValue = "8082",
      description = "First reconciler's management port; further instances take the next ones.")
  int reconcilerPort;

  @Option(
      names = "--reconcilers",
      defaultValue = "1",
      description = "Reconciler instances to run side by side.")
  int reconcilers;

  @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic.")
  int partitions;

  @Option(
      names = "--data-dir",
      defaultValue = ".devstack",
      description = "Where PostgreSQL keeps its cluster (reused between runs).")
  Path dataDirectory;

  @Option(
      names = "--alipay-latency-ms",
      defaultValue = "0",
      description = "Latency the simulator adds to every Alipay call, in ms.")
  long alipayLatencyMs;

  @Option(
      names = "--ladder",
      split = ",",
      defaultValue = "1m,3m,10m",
      converter = DurationConverter.class,
      description = "Query ladder after the certify URL is issued.")
  List<Duration> ladder;

  @Option(
      names = "--worker-max-in-flight",
      defaultValue = "0",
      description = "Alipay calls the worker keeps in flight; 0 keeps the worker's default.")
  int workerMaxInFlight;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the simulator's draws and the demo's identities.")
  long seed;

  @Option(
      names = "--log-level",
      description = "Root log level (default: INFO; WARN for demo, to keep its progress line).")
  String logLevel;

  @Option(
      names = "--alipay-mode",
      defaultValue = "public-key",
      description =
          "How the app talks to Alipay: public-key, or certificate (public-key certificate mode:"
              + " the simulator issues the app certificate, the worker verifies against its root).")
  String alipayMode;

  @Option(
      names = "--encrypt",
      description = "AES content encryption of every Alipay call (encrypt_type=AES).")
  boolean encrypt;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Any service setting, e.g. --set facecheck.worker.max-poll-records=500.")
  Map<String, String> extraProperties = new LinkedHashMap<>();

  /** The settings, with the simulator's automatic user when {@code user} is not null. */
  StackSettings settings(UserBehaviour user, String defaultLogLevel) {
    String level = logLevel != null ? logLevel : defaultLogLevel;
    // the pre-Spring part (Kafka, PostgreSQL start-up) reads this in logback.xml
    System.setProperty("devstack.log.level", level);
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("logging.level.root", level);
    extra.putAll(extraProperties);
    Scenario scenario =
        Scenario.none()
            .withSeed(seed)
            .withLatency(alipayLatencyMs > 0 ? Latency.fixed(alipayLatencyMs) : Latency.none())
            .withAutoUser(user != null ? user : UserBehaviour.off());
    return new StackSettings(
        kafkaPort,
        postgresPort,
        simulatorPort,
        intakePort,
        workerPort,
        reconcilerPort,
        partitions,
        dataDirectory,
        scenario,
        ladder,
        reconcilers,
        workerMaxInFlight,
        null,
        extra,
        AlipaySetup.of(alipayMode, encrypt));
  }
}
