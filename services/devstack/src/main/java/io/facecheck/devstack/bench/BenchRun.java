package io.facecheck.devstack.bench;

import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.ResultWatcher;
import io.facecheck.devstack.demo.Tally;
import io.facecheck.devstack.process.StopOnExit;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One benchmark run: every part as its own process, a warmup that runs to its end, a few seconds of
 * idle CPU, then the measured requests, with every process's CPU read at the first measured
 * request's due time and again the moment the last measured request is final.
 */
public final class BenchRun {

  /** The run's report: complete when every measured request reached a final status in time. */
  public record Outcome(boolean complete, Map<String, Object> json, String table, String summary) {}

  private static final long POLL_MS = 50;
  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
  // a PostgreSQL backend publishes its commit count at most once a second
  private static final java.time.Duration POSTGRES_STATS_DELAY = java.time.Duration.ofMillis(1500);

  private final BenchSettings settings;
  private final PrintStream out;

  private BenchRun(BenchSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public static Outcome run(BenchSettings settings, PrintStream out) throws Exception {
    if (!ProcessCpu.available()) {
      throw new IllegalStateException("the benchmark reads CPU time from /proc: Linux only");
    }
    return new BenchRun(settings, out).run();
  }

  private Outcome run() throws Exception {
    String startedAt = Instant.now().toString();
    List<Double> loadBefore = MachineFacts.loadAverage();
    Path logs = settings.logs().toAbsolutePath();
    Files.createDirectories(logs);
    out.printf(
        "bench: starting Kafka, PostgreSQL, the simulator, intake, %d worker(s), %d reconciler(s)"
            + " as their own processes (logs in %s)%n",
        settings.workers(), settings.stack().reconcilers(), logs);
    try (BenchStack stack =
            BenchStack.start(
                settings.stack(),
                settings.warmupScenario(),
                settings.workers(),
                settings.jvms(),
                logs);
        StopOnExit onExit = StopOnExit.closing(stack)) {
      List<MeasuredProcess> processes = stack.processes();
      Tally warmup = new Tally();
      Tally measured = new Tally();
      String runId = Long.toString(System.currentTimeMillis(), 36);
      // the business page the simulated browser lands on after intake's redirect: outside
      // facecheck, as in production, so intake's CPU is the return alone
      String returnUrl = stack.simulator().landingPageUrl();
      ExecutorService sending = Executors.newSingleThreadExecutor(r -> daemon(r, "bench-sender"));
      try (ResultWatcher watcher =
              new ResultWatcher(
                  stack.bootstrapServers(),
                  (event, nanos) -> {
                    warmup.received(event, nanos);
                    measured.received(event, nanos);
                  });
          RequestSender sender =
              new RequestSender(
                  stack.bootstrapServers(),
                  stack.clientId(),
                  returnUrl,
                  settings.ttlSeconds(),
                  new FakeIdentities(settings.seed()))) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        if (settings.warmupRequests() > 0) {
          out.printf("bench: warming up with %,d requests...%n", settings.warmupRequests());
          CompletableFuture<Void> sent =
              CompletableFuture.runAsync(
                  () ->
                      sender.send(
                          warmup, "warmup-" + runId, settings.warmupRequests(), settings.rate()),
                  sending);
          if (!awaitFinals(warmup, settings.warmupRequests(), sent, sender, stack, deadline)) {
            out.println("bench: the warmup did not finish in time");
            return null;
          }
        }
        stack.simulator().setScenario(settings.measuredScenario());
        List<Double> loadAtStart = MachineFacts.loadAverage();
        out.printf(
            "bench: measuring %,d requests %s...%n",
            settings.requests(),
            settings.openLoop() ? "at %.1f/s".formatted(settings.rate()) : "sent at once");
        stack.simulator().resetStats(); // its calls are then the measured requests' only
        PostgresWork postgresBefore = postgresWork(stack);
        CpuSnapshot before = CpuSnapshot.take(processes);
        CompletableFuture<Void> sent =
            CompletableFuture.runAsync(
                () -> sender.send(measured, "bench-" + runId, settings.requests(), settings.rate()),
                sending);
        boolean complete =
            awaitFinals(measured, settings.requests(), sent, sender, stack, deadline);
        CpuSnapshot after = CpuSnapshot.take(processes);
        List<Double> loadAfter = MachineFacts.loadAverage();
        Thread.sleep(POSTGRES_STATS_DELAY.toMillis());
        PostgresWork postgres = postgresWork(stack).since(postgresBefore);
        sent.cancel(true);
        // with everything final and the JIT long settled, what the processes spend doing nothing
        Idle idle = measureIdle(processes);
        BenchFigures figures = BenchFigures.of(measured.milestones());
        // the window starts at the first measured request's due time: the snapshot just before it
        CpuAttribution cpu =
            CpuAttribution.of(
                processes,
                after.since(before, processes),
                after.jitSince(before, processes),
                settings.requests(),
                after.secondsSince(before),
                Runtime.getRuntime().availableProcessors());
        BenchReport.Context context =
            new BenchReport.Context(
                settings,
                startedAt,
                complete,
                sender.maxLagMillis(),
                idle.total(),
                idle.withoutJit(),
                loadBefore,
                loadAtStart,
                loadAfter,
                MachineFacts.machine(),
                MachineFacts.jdk(),
                MachineFacts.gitCommit(),
                stack.simulator().stats(),
                postgres);
        return new Outcome(
            complete,
            BenchReport.json(figures, cpu, context),
            BenchReport.table(figures, cpu, context),
            BenchReport.summary(figures, cpu, context));
      } finally {
        sending.shutdownNow();
        out.println("bench: stopping");
      }
    }
  }

  private static PostgresWork postgresWork(BenchStack stack) throws java.sql.SQLException {
    try (java.sql.Connection c = stack.connectToPostgres()) {
      return PostgresWork.read(c);
    }
  }

  /** CPU per second of each group with nothing sent, all of it and without the JIT's share. */
  private record Idle(Map<String, Double> total, Map<String, Double> withoutJit) {}

  /** What each group spends per second with nothing sent, or zeros when no idle time is asked. */
  private Idle measureIdle(List<MeasuredProcess> processes) throws InterruptedException {
    if (settings.idle().isZero()) {
      Map<String, Double> none = CpuAttribution.idlePerSecond(processes, zeros(processes), 1);
      return new Idle(none, none);
    }
    out.printf(
        "bench: every request final; reading idle CPU for %d s%n", settings.idle().toSeconds());
    CpuSnapshot start = CpuSnapshot.take(processes);
    Thread.sleep(settings.idle().toMillis());
    CpuSnapshot end = CpuSnapshot.take(processes);
    Map<String, Long> spent = end.since(start, processes);
    Map<String, Long> jit = end.jitSince(start, processes);
    Map<String, Long> withoutJit = new java.util.HashMap<>();
    spent.forEach((name, ms) -> withoutJit.put(name, Math.max(0, ms - jit.get(name))));
    double seconds = end.secondsSince(start);
    return new Idle(
        CpuAttribution.idlePerSecond(processes, spent, seconds),
        CpuAttribution.idlePerSecond(processes, withoutJit, seconds));
  }

  private static Map<String, Long> zeros(List<MeasuredProcess> processes) {
    Map<String, Long> zeros = new java.util.HashMap<>();
    processes.forEach(p -> zeros.put(p.name(), 0L));
    return zeros;
  }

  /**
   * Polls until every request of {@code tally} is final; false on the deadline, a failed send or a
   * service that died.
   */
  private boolean awaitFinals(
      Tally tally,
      int count,
      CompletableFuture<Void> sent,
      RequestSender sender,
      BenchStack stack,
      long deadline)
      throws InterruptedException {
    long start = System.nanoTime();
    long nextProgress = start + PROGRESS_EVERY_NANOS;
    while (tally.finalTotal() < count) {
      if (sender.failure() != null || sent.isCompletedExceptionally()) {
        out.println("bench: could not produce the requests: " + sender.failure());
        return false;
      }
      if (System.nanoTime() > deadline) {
        out.printf("bench: %,d of %,d final when the time ran out%n", tally.finalTotal(), count);
        return false;
      }
      Thread.sleep(POLL_MS);
      if (System.nanoTime() > nextProgress) {
        stack.fleet().assertAlive();
        nextProgress += PROGRESS_EVERY_NANOS;
        out.printf(
            "bench: %4.0f s  sent %,d/%,d  certify URLs %,d  final %,d%n",
            (System.nanoTime() - start) / 1e9,
            tally.sent(),
            count,
            tally.certifyUrls(),
            tally.finalTotal());
      }
    }
    return true;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
