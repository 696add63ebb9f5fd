package io.facecheck.devstack.chaos;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.infra.FreePorts;
import io.facecheck.devstack.process.ChildJvm;
import io.facecheck.devstack.process.HealthProbe;
import io.facecheck.devstack.stack.ServiceProperties;
import io.facecheck.devstack.stack.StackSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake, two workers and two reconcilers, each a JVM of its own with the devstack's wiring (the
 * same {@link ServiceProperties} {@code up} uses). A killed service is started again after a pause;
 * one that exits by itself (say it started while PostgreSQL was down) is started again by the
 * supervisor, like a container's restart policy, and counted.
 */
public final class ServiceFleet implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration UNPLANNED_RESTART_DELAY = Duration.ofSeconds(5);

  /** What every child needs beyond the stack's settings. */
  private static final Map<String, String> CHILD =
      Map.of(
          // a killed consumer's partitions go to the survivor after 6 s, not Kafka's default 45 s
          "spring.kafka.consumer.properties.session.timeout.ms", "6000",
          "spring.kafka.consumer.properties.heartbeat.interval.ms", "1000",
          // each child stops on SIGTERM by itself (the in-process stack stops them in order)
          "spring.main.register-shutdown-hook", "true");

  private record Service(String name, String mainClass, Map<String, String> settings, int port) {}

  private final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<String, ChildJvm> running = new ConcurrentHashMap<>();
  private final Map<String, Instant> downUntil = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
  private final List<String> unplannedExits =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<Path> logs = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Path logDirectory;
  private final ScheduledExecutorService supervisor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chaos-supervisor"));
  private volatile boolean closing;

  private ServiceFleet(Path logDirectory) {
    this.logDirectory = logDirectory;
  }

  /** Starts worker-1 first (it migrates the schema), then the other four side by side. */
  public static ServiceFleet start(
      StackSettings settings, ServiceProperties properties, Path logDirectory) {
    ServiceFleet fleet = new ServiceFleet(logDirectory);
    int worker2Port = FreePorts.resolve(0);
    fleet.add(
        "worker-1",
        "io.facecheck.worker.WorkerApplication",
        worker(properties, 1, settings.workerPort()),
        settings.workerPort());
    fleet.add(
        "worker-2",
        "io.facecheck.worker.WorkerApplication",
        worker(properties, 2, worker2Port),
        worker2Port);
    for (int i = 0; i < 2; i++) {
      Map<String, String> r = properties.reconciler(i, settings.reconcilerPort(i));
      r.putAll(CHILD);
      fleet.add(
          "reconciler-" + (i + 1),
          "io.facecheck.reconciler.ReconcilerApplication",
          r,
          settings.reconcilerPort(i));
    }
    Map<String, String> intake = properties.intake();
    intake.putAll(CHILD);
    fleet.add("intake", "io.facecheck.intake.IntakeApplication", intake, settings.intakePort());
    try {
      fleet.launch("worker-1");
      fleet.awaitHealthy("worker-1");
      List<String> others = List.of("worker-2", "reconciler-1", "reconciler-2", "intake");
      others.forEach(fleet::launch);
      List<CompletableFuture<Void>> healthy =
          others.stream()
              .map(n -> CompletableFuture.runAsync(() -> fleet.awaitHealthy(n)))
              .toList();
      healthy.forEach(CompletableFuture::join);
    } catch (RuntimeException e) {
      fleet.close();
      throw e;
    }
    fleet.supervisor.scheduleWithFixedDelay(fleet::supervise, 1, 1, TimeUnit.SECONDS);
    return fleet;
  }

  private static Map<String, String> worker(ServiceProperties properties, int n, int port) {
    Map<String, String> w = properties.worker();
    w.putAll(CHILD);
    w.put("server.port", String.valueOf(port));
    w.put("facecheck.worker.instance", "chaos-" + n);
    return w;
  }

  private void add(String name, String mainClass, Map<String, String> settings, int port) {
    services.put(name, new Service(name, mainClass, settings, port));
    starts.put(name, new AtomicInteger());
  }

  /** SIGKILL, then a new JVM after {@code restartAfter}. Returns the exit status (137). */
  public int kill(String name, Duration restartAfter) {
    downUntil.put(name, Instant.now().plus(restartAfter));
    ChildJvm child = running.get(name);
    return child == null ? -1 : child.kill();
  }

  /** Services that exited without being killed: which start, with what status. */
  public List<String> unplannedExits() {
    synchronized (unplannedExits) {
      return List.copyOf(unplannedExits);
    }
  }

  public int starts(String name) {
    return starts.get(name).get();
  }

  public List<Path> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  private void supervise() {
    if (closing) {
      return;
    }
    for (String name : services.keySet()) {
      ChildJvm child = running.get(name);
      if (child != null && child.isAlive()) {
        continue;
      }
      Instant until = downUntil.get(name);
      if (until == null) {
        // it exited by itself (say it started while PostgreSQL was down): start it again after
        // a pause, as a container's restart policy would
        unplannedExits.add(child.name() + " exited with " + child.awaitExit(1));
        downUntil.put(name, Instant.now().plus(UNPLANNED_RESTART_DELAY));
        continue;
      }
      if (Instant.now().isBefore(until)) {
        continue;
      }
      downUntil.remove(name);
      launch(name);
    }
  }

  private synchronized void launch(String name) {
    Service s = services.get(name);
    int n = starts.get(name).incrementAndGet();
    Path log = logDirectory.resolve(name + "-" + n + ".log");
    logs.add(log);
    running.put(
        name,
        ChildJvm.start(
            name + "-" + n,
            s.mainClass(),
            List.of(
                "-Xmx320m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"),
            List.of(),
            Map.of(
                "SPRING_APPLICATION_JSON", PayloadJson.mapper().writeValueAsString(s.settings())),
            log));
  }

  private void awaitHealthy(String name) {
    HealthProbe.awaitUp(
        URI.create("http://localhost:" + services.get(name).port() + "/actuator/health"),
        START_TIMEOUT,
        () -> running.get(name));
  }

  /** SIGTERM to every service (intake first, workers last), SIGKILL after 30 s. */
  @Override
  public void close() {
    closing = true;
    supervisor.shutdownNow();
    List<String> order = new ArrayList<>(services.keySet());
    java.util.Collections.reverse(order);
    List<CompletableFuture<Void>> stops = new ArrayList<>();
    for (String name : order) {
      ChildJvm child = running.get(name);
      if (child != null) {
        stops.add(CompletableFuture.runAsync(() -> child.stop(30)));
      }
    }
    stops.forEach(CompletableFuture::join);
  }
}
