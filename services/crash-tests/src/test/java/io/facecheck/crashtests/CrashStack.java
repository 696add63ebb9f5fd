package io.facecheck.crashtests;

import io.facecheck.devstack.infra.DevTopics;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.intake.IntakeApplication;
import io.facecheck.reconciler.ReconcilerApplication;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.SimulatorConfig;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.TestKafka;
import io.facecheck.testinfra.TestPostgres;
import io.facecheck.worker.WorkerApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The test JVM keeps the infrastructure (Kafka broker, PostgreSQL with fsync on, the Alipay
 * simulator): only the services, each a child JVM, are killed and started again. Intake runs too,
 * never killed: the simulated users' browsers come back through it.
 */
final class CrashStack implements AutoCloseable {

  /** An upper bound for a child's start on a busy 2-core machine, not a timing assertion. */
  static final Duration START = Duration.ofMinutes(3);

  private final Path logs;
  private final AlipaySimulator simulator;
  private final TestPostgres.Database database;
  private final ServiceSettings settings;
  private final List<ChildJvm> started = new ArrayList<>();
  private ChildJvm worker;
  private ChildJvm reconciler;
  private ChildJvm intake;

  private CrashStack(
      Path logs,
      AlipaySimulator simulator,
      TestPostgres.Database database,
      ServiceSettings settings) {
    this.logs = logs;
    this.simulator = simulator;
    this.database = database;
    this.settings = settings;
  }

  /** Infrastructure, then worker (it migrates the schema), then intake and reconciler together. */
  static CrashStack start(Path logs, Scenario users) throws Exception {
    String kafka = TestKafka.bootstrapServers();
    createTopics(kafka);
    TestPostgres.Database database = TestPostgres.newDatabase();
    Secrets secrets = Secrets.generate();
    AlipaySimulator simulator =
        AlipaySimulator.start(SimulatorConfig.defaults().withPort(0).withScenario(users));
    simulator.registerApp(secrets.appId(), secrets.appPublicKeyBase64());
    ServiceSettings settings =
        ServiceSettings.create(
            secrets, kafka, database, simulator.gatewayUrl(), simulator.alipayPublicKeyBase64());
    CrashStack stack = new CrashStack(logs, simulator, database, settings);
    try {
      stack.startWorker();
      CompletableFuture<ChildJvm> intake = CompletableFuture.supplyAsync(stack::startIntake);
      stack.startReconciler();
      intake.join();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  ChildJvm startWorker() {
    ChildJvm child;
    synchronized (this) {
      String instance = "crash-" + (count("worker") + 1);
      child =
          launch(
              "worker", WorkerApplication.class, settings.worker(instance), settings.workerPort());
      worker = child;
    }
    return child.awaitHealthy(START);
  }

  ChildJvm startReconciler() {
    return launchReconciler().awaitHealthy(START);
  }

  /** Starts a reconciler without waiting for it: its relay may be at work before it is healthy. */
  synchronized ChildJvm launchReconciler() {
    String instance = "crash-" + (count("reconciler") + 1);
    reconciler =
        launch(
            "reconciler",
            ReconcilerApplication.class,
            settings.reconciler(instance),
            settings.reconcilerPort());
    return reconciler;
  }

  ChildJvm startIntake() {
    ChildJvm child;
    synchronized (this) {
      child = launch("intake", IntakeApplication.class, settings.intake(), settings.intakePort());
      intake = child;
    }
    return child.awaitHealthy(START);
  }

  synchronized ChildJvm worker() {
    return worker;
  }

  synchronized ChildJvm reconciler() {
    return reconciler;
  }

  synchronized ChildJvm intake() {
    return intake;
  }

  AlipaySimulator simulator() {
    return simulator;
  }

  TestPostgres.Database database() {
    return database;
  }

  String appId() {
    return settings.appId();
  }

  String bootstrapServers() {
    return settings.bootstrapServers();
  }

  String intakeUrl() {
    return settings.intakeUrl();
  }

  /** A client intake accepts POSTs from, and its bearer token. */
  String httpClientId() {
    return settings.httpClientId();
  }

  String httpClientToken() {
    return settings.httpClientToken();
  }

  /** The intake's health page: where the simulated browser lands after the callback's redirect. */
  String businessReturnUrl() {
    return settings.intakeUrl() + "/actuator/health";
  }

  synchronized List<Path> logFiles() {
    return started.stream().map(ChildJvm::log).toList();
  }

  @Override
  public void close() {
    List<ChildJvm> running;
    synchronized (this) {
      running = new ArrayList<>(started);
    }
    // reverse start order; already-killed ones return at once
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).stop();
    }
    simulator.close();
  }

  private ChildJvm launch(
      String service, Class<?> main, Map<String, String> serviceSettings, int healthPort) {
    String name = service + "-" + (count(service) + 1);
    ChildJvm child =
        ChildJvm.start(name, main, serviceSettings, logs.resolve(name + ".log"), healthPort);
    started.add(child);
    return child;
  }

  private long count(String service) {
    return started.stream().filter(c -> c.name().startsWith(service + "-")).count();
  }

  private static void createTopics(String bootstrapServers)
      throws InterruptedException, ExecutionException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      for (NewTopic topic : DevTopics.all(ServiceSettings.PARTITIONS)) {
        try {
          admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}
