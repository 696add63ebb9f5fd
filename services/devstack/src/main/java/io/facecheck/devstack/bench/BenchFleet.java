package io.facecheck.devstack.bench;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.infra.FreePorts;
import io.facecheck.devstack.process.ChildJvm;
import io.facecheck.devstack.process.HealthProbe;
import io.facecheck.devstack.stack.ServiceProperties;
import io.facecheck.devstack.stack.StackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Intake, the workers and the reconcilers, each a JVM of its own with the settings {@code up} gives
 * them ({@link ServiceProperties}). Nothing restarts them: a service that dies fails the run.
 */
public final class BenchFleet implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private record Service(String name, String mainClass, Map<String, String> settings, int port) {}

  private final List<Service> services = new ArrayList<>();
  private final Map<String, ChildJvm> running = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<String> jvmOptions;
  private final Path logs;

  private BenchFleet(List<String> jvmOptions, Path logs) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.logs = logs;
  }

  /** Starts worker-1 first (it migrates the schema), then the others side by side. */
  public static BenchFleet start(
      StackSettings settings,
      ServiceProperties properties,
      int workers,
      List<String> jvmOptions,
      Path logs) {
    BenchFleet fleet = new BenchFleet(jvmOptions, logs);
    for (int n = 1; n <= workers; n++) {
      int port = n == 1 ? settings.workerPort() : FreePorts.resolve(0);
      Map<String, String> w = properties.worker();
      w.put("server.port", String.valueOf(port));
      w.put("facecheck.worker.instance", "bench-" + n);
      fleet.add("worker-" + n, "io.facecheck.worker.WorkerApplication", w, port);
    }
    for (int i = 0; i < settings.reconcilers(); i++) {
      fleet.add(
          "reconciler-" + (i + 1),
          "io.facecheck.reconciler.ReconcilerApplication",
          properties.reconciler(i, settings.reconcilerPort(i)),
          settings.reconcilerPort(i));
    }
    fleet.add(
        "intake",
        "io.facecheck.intake.IntakeApplication",
        properties.intake(),
        settings.intakePort());
    try {
      Service first = fleet.services.get(0);
      fleet.launch(first);
      fleet.awaitHealthy(first);
      List<Service> others = fleet.services.subList(1, fleet.services.size());
      others.forEach(fleet::launch);
      others.stream()
          .map(s -> CompletableFuture.runAsync(() -> fleet.awaitHealthy(s)))
          .toList()
          .forEach(CompletableFuture::join);
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
    return fleet;
  }

  private void add(String name, String mainClass, Map<String, String> settings, int port) {
    // each child stops on SIGTERM by itself
    settings.put("spring.main.register-shutdown-hook", "true");
    services.add(new Service(name, mainClass, settings, port));
  }

  /** The services as the benchmark measures them, in start order. */
  public List<MeasuredProcess> processes() {
    return services.stream()
        .map(
            s ->
                new MeasuredProcess(
                    s.name(), MeasuredProcess.FACECHECK, running.get(s.name()).pid(), false))
        .toList();
  }

  /** Throws, with the end of its log, when a service has died. */
  public void assertAlive() {
    synchronized (running) {
      running.values().forEach(ChildJvm::assertAlive);
    }
  }

  private void launch(Service s) {
    running.put(
        s.name(),
        ChildJvm.start(
            s.name(),
            s.mainClass(),
            jvmOptions,
            List.of(),
            Map.of(
                "SPRING_APPLICATION_JSON", PayloadJson.mapper().writeValueAsString(s.settings())),
            logs.resolve(s.name() + ".log")));
  }

  private void awaitHealthy(Service s) {
    HealthProbe.awaitUp(
        URI.create("http://localhost:" + s.port() + "/actuator/health"),
        START_TIMEOUT,
        () -> running.get(s.name()));
  }

  /** SIGTERM to every service (intake first, workers last), SIGKILL after 30 s. */
  @Override
  public void close() {
    List<ChildJvm> order;
    synchronized (running) {
      order = new ArrayList<>(running.values());
    }
    Collections.reverse(order);
    order.stream()
        .map(child -> CompletableFuture.runAsync(() -> child.stop(30)))
        .toList()
        .forEach(CompletableFuture::join);
  }
}
