package io.facecheck.devstack.bench;

import io.facecheck.devstack.infra.DevTopics;
import io.facecheck.devstack.infra.KafkaProcess;
import io.facecheck.devstack.infra.Postgres;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.ServiceProperties;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every part of the pipeline as a process of its own: the Kafka broker's JVM, PostgreSQL (its
 * postmaster and backends), the simulator's JVM, and one JVM per service. This JVM only drives the
 * requests and reads the results.
 */
public final class BenchStack implements AutoCloseable {

  private final StackSettings settings;
  private final Secrets secrets;
  private final KafkaProcess kafka;
  private final Postgres postgres;
  private final SimulatorProcess simulator;
  private BenchFleet fleet;

  private BenchStack(
      StackSettings settings,
      Secrets secrets,
      KafkaProcess kafka,
      Postgres postgres,
      SimulatorProcess simulator) {
    this.settings = settings;
    this.secrets = secrets;
    this.kafka = kafka;
    this.postgres = postgres;
    this.simulator = simulator;
  }

  /** Kafka, PostgreSQL and the simulator side by side, then the services. */
  public static BenchStack start(
      StackSettings requested, Scenario firstScenario, int workers, BenchJvms jvms, Path logs) {
    StackSettings settings = requested.withFreePortsResolved();
    Secrets secrets = Secrets.generate();
    CompletableFuture<KafkaProcess> kafka =
        CompletableFuture.supplyAsync(
            () ->
                KafkaProcess.startFresh(
                    settings.dataDirectory().resolve("bench-kafka"),
                    settings.kafkaPort(),
                    settings.partitions(),
                    DevTopics.all(settings.partitions()),
                    jvms.kafka()));
    CompletableFuture<Postgres> postgres =
        CompletableFuture.supplyAsync(
            () ->
                Postgres.start(
                    settings.postgresPort(),
                    settings.dataDirectory().resolve("pg").toAbsolutePath()));
    CompletableFuture<SimulatorProcess> simulator =
        CompletableFuture.supplyAsync(
            () ->
                SimulatorProcess.start(
                    settings.simulatorPort(),
                    secrets,
                    settings.alipay(),
                    firstScenario,
                    jvms.simulator(),
                    logs));
    BenchStack stack;
    try {
      stack = new BenchStack(settings, secrets, kafka.join(), postgres.join(), simulator.join());
    } catch (CompletionException e) {
      kafka.thenAccept(KafkaProcess::close).exceptionally(ignored -> null);
      postgres.thenAccept(Postgres::close).exceptionally(ignored -> null);
      simulator.thenAccept(SimulatorProcess::close).exceptionally(ignored -> null);
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    try {
      ServiceProperties properties =
          new ServiceProperties(
              settings,
              secrets,
              stack.kafka.bootstrapServers(),
              stack.postgres.jdbcUrl(),
              Postgres.USER,
              Postgres.PASSWORD,
              stack.simulator.gatewayUrl(),
              stack.simulator.workerAlipay());
      stack.fleet = BenchFleet.start(settings, properties, workers, jvms.services(), logs);
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** Every process the benchmark measures: services, broker, PostgreSQL, simulator, this driver. */
  public List<MeasuredProcess> processes() {
    List<MeasuredProcess> all = new ArrayList<>(fleet.processes());
    all.add(new MeasuredProcess("kafka", MeasuredProcess.KAFKA, kafka.pid(), false));
    all.add(
        new MeasuredProcess("postgres", MeasuredProcess.POSTGRES, postgres.postmasterPid(), true));
    all.add(new MeasuredProcess("simulator", MeasuredProcess.SIMULATOR, simulator.pid(), false));
    all.add(
        new MeasuredProcess(
            "driver", MeasuredProcess.DRIVER, ProcessHandle.current().pid(), false));
    return all;
  }

  /** A connection to the {@code facecheck} database, as its owner. */
  public java.sql.Connection connectToPostgres() throws java.sql.SQLException {
    return postgres.connect();
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String clientId() {
    return secrets.clientId();
  }

  public SimulatorProcess simulator() {
    return simulator;
  }

  public BenchFleet fleet() {
    return fleet;
  }

  public StackSettings settings() {
    return settings;
  }

  /** The services first, then the simulator, PostgreSQL and the broker. */
  @Override
  public void close() {
    if (fleet != null) {
      quietly(fleet);
    }
    quietly(simulator);
    quietly(postgres);
    quietly(kafka);
  }

  private static void quietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("bench: stopping " + resource + " failed: " + e);
    }
  }
}
