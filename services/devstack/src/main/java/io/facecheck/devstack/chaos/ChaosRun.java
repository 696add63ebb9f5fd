package io.facecheck.devstack.chaos;

import io.facecheck.devstack.chaos.FaultPlan.Planned;
import io.facecheck.devstack.chaos.verdict.Evidence;
import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import io.facecheck.devstack.chaos.verdict.Evidence.SentRequest;
import io.facecheck.devstack.chaos.verdict.Verdict;
import io.facecheck.devstack.chaos.verdict.VerdictReport;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.infra.KafkaProcess;
import io.facecheck.devstack.infra.Postgres;
import io.facecheck.devstack.process.StopOnExit;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.scenario.MethodFaults;
import io.facecheck.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One chaos run: restartable infrastructure, the five services as their own JVMs, requests at a
 * steady rate, the seeded faults, a wait until every request is final (or the timeout), then the
 * verdict from what was left behind.
 */
public final class ChaosRun {

  /** The verdict and how it was reported. */
  public record Outcome(Verdict verdict, Map<String, Object> json, String table) {}

  private final ChaosSettings settings;
  private final PrintStream out;
  private FaultInjector injector;
  private Scenario scenario;
  private long runStart;

  private ChaosRun(ChaosSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public static Outcome run(ChaosSettings settings, PrintStream out) throws Exception {
    return new ChaosRun(settings, out).run();
  }

  private Outcome run() throws Exception {
    StackSettings requested = settings.stack().withFreePortsResolved();
    scenario =
        requested
            .scenario()
            .withFaults(
                Scenario.ANY_METHOD,
                new MethodFaults(settings.transientErrorRate(), settings.timeoutRate(), 0, 0));
    List<Planned> plan = FaultPlan.plan(settings);
    out.printf(
        "chaos: %,d requests at %.1f/s, seed %d, %d faults planned%n",
        settings.requests(), settings.rate(), settings.seed(), plan.size());
    Path logs = settings.logs().toAbsolutePath();
    Files.createDirectories(logs);
    try (Stack stack = Stack.startRestartableInfrastructure(requested.withScenario(scenario));
        StopOnExit stackOnExit = StopOnExit.closing(stack)) {
      KafkaProcess kafka = (KafkaProcess) stack.infrastructure().kafka();
      Postgres postgres = stack.infrastructure().postgres();
      AlipaySimulator simulator = stack.simulator();
      out.println(
          "chaos: infrastructure up; starting intake, 2 workers, 2 reconcilers as their own JVMs");
      long startingServices = System.currentTimeMillis();
      try (ServiceFleet fleet =
              ServiceFleet.start(stack.settings(), stack.serviceProperties(), logs);
          StopOnExit fleetOnExit = StopOnExit.closing(fleet)) {
        out.printf(
            "chaos: services up in %d s; logs in %s%n",
            (System.currentTimeMillis() - startingServices) / 1000, logs);
        return drive(stack, kafka, postgres, simulator, fleet, plan, logs);
      } finally {
        if (postgres.isRunning()) {
          try {
            postgres.resume();
          } catch (RuntimeException ignored) {
            // not paused
          }
        }
      }
    }
  }

  private Outcome drive(
      Stack stack,
      KafkaProcess kafka,
      Postgres postgres,
      AlipaySimulator simulator,
      ServiceFleet fleet,
      List<Planned> plan,
      Path logs)
      throws Exception {
    String bootstrap = stack.bootstrapServers();
    runStart = System.currentTimeMillis();
    injector = new FaultInjector(settings, stack, fleet, scenario, out, runStart);
    ResultsCollector results = new ResultsCollector(bootstrap);
    OffsetSampler offsets = new OffsetSampler(bootstrap);
    Arrivals arrivals =
        new Arrivals(
            settings,
            bootstrap,
            stack.intakeUrl(),
            Secrets.DEMO_CLIENT,
            stack.secrets().clientToken(),
            new FakeIdentities(settings.seed()));
    // broker, PostgreSQL and Alipay faults on one thread: one that runs late (a slow broker
    // restart) delays the next instead of overlapping it
    ScheduledExecutorService infraFaults = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService otherFaults = Executors.newScheduledThreadPool(2);
    List<ScheduledFuture<?>> pending = new ArrayList<>();
    try {
      arrivals.start();
      for (Planned p : plan) {
        pending.add(
            (isInfrastructure(p) ? infraFaults : otherFaults)
                .schedule(() -> injector.inject(p), p.at().toMillis(), TimeUnit.MILLISECONDS));
      }
      Instant deadline = Instant.now().plus(settings.timeout());
      while (arrivals.sending() || pending.stream().anyMatch(f -> !f.isDone())) {
        progress(arrivals, results);
        Thread.sleep(5_000);
        if (Instant.now().isAfter(deadline)) {
          break;
        }
      }
      for (ScheduledFuture<?> f : pending) {
        if (f.isDone()) {
          f.get();
        }
      }
      arrivals.awaitSettled(Duration.ofMinutes(10));
      injector.recordContinuous(
          "alipay_errors", errorsLabel(), runStart, System.currentTimeMillis());
      awaitFinals(arrivals, results, postgres, deadline);
    } finally {
      infraFaults.shutdownNow();
      otherFaults.shutdownNow();
      arrivals.close();
      offsets.close();
    }
    progress(arrivals, results);
    out.println("chaos: stopping the services, reading what the run left behind");
    fleet.close();
    results.close();

    List<FakeIdentity> everyone = new ArrayList<>(arrivals.identities());
    everyone.addAll(injector.hostileIdentities());
    EvidenceGatherer gatherer = new EvidenceGatherer(bootstrap, new PiiScanner(everyone));
    gatherer.readKafka();
    gatherer.readDatabase(postgres);
    gatherer.readSimulator(simulator);
    List<Path> logFiles = new ArrayList<>(fleet.logs());
    logFiles.add(kafka.directory().resolve("kafka.log"));
    gatherer.readLogs(logFiles);

    List<InjectedFault> faultList = injector.injected();
    Evidence evidence =
        new Evidence(
            arrivals.acknowledged(),
            arrivals.unacknowledged(),
            results.records(),
            gatherer.requestDeadLetters,
            gatherer.verifications,
            gatherer.certifications,
            gatherer.simulatorCertifications,
            gatherer.callbackVerificationIds,
            injector.hostileSent(),
            gatherer.piiHits,
            offsets.samples(),
            faultList);
    Verdict verdict = Verdict.of(evidence);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("seed", settings.seed());
    run.put("rate", settings.rate());
    run.put("http_share", settings.httpShare());
    run.put("ttl_seconds", settings.ttlSeconds());
    run.put("duration_s", (System.currentTimeMillis() - runStart) / 1000.0);
    run.put("unplanned_exits", fleet.unplannedExits());
    Map<String, Integer> starts = new LinkedHashMap<>();
    FaultPlan.SERVICES.forEach(name -> starts.put(name, fleet.starts(name)));
    run.put("service_starts", starts);
    run.put("simulator_calls", simulator.stats().calls());
    run.put("unreadable_results", results.unreadable().size());
    run.put("logs", logs.toString());
    String table = VerdictReport.table(verdict) + "\n" + VerdictReport.faults(faultList, runStart);
    return new Outcome(verdict, VerdictReport.json(verdict, runStart, run), table);
  }

  private static boolean isInfrastructure(Planned p) {
    return !p.kind().equals("kill") && !p.kind().equals("hostile_burst");
  }

  private String errorsLabel() {
    return String.format(
        java.util.Locale.ROOT,
        "%.0f%% system errors, %.0f%% read timeouts",
        settings.transientErrorRate() * 100,
        settings.timeoutRate() * 100);
  }

  /**
   * Until every acknowledged request has a final event, or waits in DEAD_LETTERED (asked of
   * PostgreSQL every few seconds for the stragglers), or the deadline passes.
   */
  private void awaitFinals(
      Arrivals arrivals, ResultsCollector results, Postgres postgres, Instant deadline)
      throws InterruptedException {
    int round = 0;
    int lastOpen = -1;
    Instant lastProgress = Instant.now();
    // past every TTL twice with nothing decided, the rest is stuck: waiting on would only delay the
    // verdict, which counts them as lost
    Duration stuck = Duration.ofSeconds(Math.max(120, 2L * settings.ttlSeconds()));
    while (Instant.now().isBefore(deadline)) {
      List<SentRequest> open =
          arrivals.acknowledged().stream().filter(r -> !results.isFinal(r.key())).toList();
      long hostileOpen = hostileWithoutOutcome(results);
      if (open.isEmpty() && hostileOpen == 0) {
        return;
      }
      int waiting = (int) (open.size() + hostileOpen);
      if (waiting != lastOpen) {
        lastOpen = waiting;
        lastProgress = Instant.now();
      } else if (Instant.now().isAfter(lastProgress.plus(stuck))) {
        out.printf(
            "chaos: %d requests and %d hostile records made no progress for %d s; not waiting"
                + " for them%n",
            open.size(), hostileOpen, stuck.toSeconds());
        return;
      }
      // those that wait in DEAD_LETTERED show no event: PostgreSQL knows
      if (++round % 3 == 0
          && open.size() <= 1000
          && (open.isEmpty() || DeadLetteredRows.among(postgres, open) == open.size())
          && hostileOpen <= Math.max(0, DeadLetteredRows.hostile(postgres))) {
        out.printf(
            "chaos: %d requests and %d hostile records wait in DEAD_LETTERED; not waiting for"
                + " them%n",
            open.size(), hostileOpen);
        return;
      }
      if (round % 5 == 0) {
        progress(arrivals, results);
      }
      Thread.sleep(2_000);
    }
    out.println("chaos: gave up waiting for final statuses (--timeout-seconds)");
  }

  /** Hostile records with no outcome yet: no dead letter of the record, no final, no 4xx. */
  private long hostileWithoutOutcome(ResultsCollector results) {
    return injector.hostileSent().stream()
        .filter(
            h ->
                h.overKafka()
                    ? !results.deadLettered(h.partition(), h.offset())
                        && (h.requestId() == null || !results.isFinal(h.key()))
                    : (h.httpStatus() == 200 || h.httpStatus() == 202) && !results.isFinal(h.key()))
        .count();
  }

  private void progress(Arrivals arrivals, ResultsCollector results) {
    out.printf(
        "chaos: %5.0f s  requested %,d/%,d  acknowledged %,d  final %,d  faults so far %d%n",
        (System.currentTimeMillis() - runStart) / 1000.0,
        arrivals.requested(),
        settings.requests(),
        arrivals.acknowledged().size(),
        results.finalCount(),
        injector.count());
  }
}
