package io.facecheck.devstack.chaos;

import io.facecheck.devstack.chaos.FaultPlan.Planned;
import io.facecheck.devstack.chaos.verdict.Evidence;
import io.facecheck.devstack.chaos.verdict.Evidence.HostileRecord;
import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import io.facecheck.devstack.chaos.verdict.Evidence.SentRequest;
import io.facecheck.devstack.chaos.verdict.Verdict;
import io.facecheck.devstack.chaos.verdict.VerdictReport;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.infra.KafkaProcess;
import io.facecheck.devstack.infra.Postgres;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.Fault;
import io.facecheck.simulator.MethodFaults;
import io.facecheck.simulator.Outage;
import io.facecheck.simulator.Scenario;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final List<InjectedFault> injected = Collections.synchronizedList(new ArrayList<>());
  private final List<HostileRecord> hostileSent = Collections.synchronizedList(new ArrayList<>());
  private final List<FakeIdentity> hostileIdentities =
      Collections.synchronizedList(new ArrayList<>());
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
    try (Stack stack = Stack.startRestartableInfrastructure(requested.withScenario(scenario))) {
      KafkaProcess kafka = (KafkaProcess) stack.infrastructure().kafka();
      Postgres postgres = stack.infrastructure().postgres();
      AlipaySimulator simulator = stack.simulator();
      out.println(
          "chaos: infrastructure up; starting intake, 2 workers, 2 reconcilers as their own JVMs");
      long startingServices = System.currentTimeMillis();
      try (ServiceFleet fleet =
          ServiceFleet.start(stack.settings(), stack.serviceProperties(), logs)) {
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
                .schedule(
                    () -> inject(p, kafka, postgres, simulator, fleet, stack),
                    p.at().toMillis(),
                    TimeUnit.MILLISECONDS));
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
      injected.add(
          new InjectedFault(
              "alipay_errors", errorsLabel(), runStart, System.currentTimeMillis(), true));
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
    everyone.addAll(hostileIdentities);
    EvidenceGatherer gatherer = new EvidenceGatherer(bootstrap, new PiiScanner(everyone));
    gatherer.readKafka();
    gatherer.readDatabase(postgres);
    gatherer.readSimulator(simulator);
    List<Path> logFiles = new ArrayList<>(fleet.logs());
    logFiles.add(kafka.directory().resolve("kafka.log"));
    gatherer.readLogs(logFiles);

    List<InjectedFault> faultList;
    synchronized (injected) {
      faultList = new ArrayList<>(injected);
    }
    faultList.sort(java.util.Comparator.comparingLong(InjectedFault::startMs));
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
            List.copyOf(hostileSent),
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

  private void inject(
      Planned p,
      KafkaProcess kafka,
      Postgres postgres,
      AlipaySimulator simulator,
      ServiceFleet fleet,
      Stack stack) {
    long start = System.currentTimeMillis();
    String target = p.target();
    try {
      switch (p.kind()) {
        case "kill" -> target += " (exit " + fleet.kill(p.target(), p.duration()) + ")";
        case "broker_stop" -> {
          long stopping = System.currentTimeMillis();
          kafka.stop();
          long stopped = System.currentTimeMillis();
          pause(p.duration());
          long starting = System.currentTimeMillis();
          kafka.start();
          target +=
              String.format(
                  " (shutdown %.0f s, down %.0f s, start %.0f s)",
                  (stopped - stopping) / 1000.0,
                  (starting - stopped) / 1000.0,
                  (System.currentTimeMillis() - starting) / 1000.0);
        }
        case "postgres_stop" -> {
          postgres.stop();
          pause(p.duration());
          postgres.startAgain();
        }
        case "postgres_pause" -> {
          postgres.pause();
          pause(p.duration());
          postgres.resume();
        }
        case "alipay_outage" -> {
          Instant from = Instant.now();
          simulator.setScenario(
              scenario.withOutage(Outage.between(from, from.plus(p.duration()), Fault.HTTP_502)));
          pause(p.duration());
          simulator.setScenario(scenario);
        }
        case "hostile_burst" -> {
          HostileSender sender =
              new HostileSender(
                  stack.bootstrapServers(), stack.intakeUrl(), stack.secrets().clientToken());
          List<HostileCorpus.Item> items =
              HostileCorpus.items(
                  () -> {
                    FakeIdentity identity =
                        new FakeIdentities(settings.seed() * 31 + hostileIdentities.size()).next();
                    hostileIdentities.add(identity);
                    return identity;
                  },
                  Secrets.DEMO_CLIENT,
                  stack.intakeUrl() + "/actuator/health/liveness",
                  settings.ttlSeconds());
          hostileSent.addAll(sender.send(items));
          target += " (" + items.size() + " records)";
        }
        default -> throw new IllegalArgumentException("unknown fault " + p.kind());
      }
    } catch (RuntimeException e) {
      target += " (failed: " + e.getMessage() + ")";
      out.println("chaos: fault " + p.kind() + " on " + p.target() + " failed: " + e);
    }
    long end =
        "kill".equals(p.kind()) ? start + p.duration().toMillis() : System.currentTimeMillis();
    injected.add(new InjectedFault(p.kind(), target, start, end, false));
    out.printf(
        "chaos: %5.0f s  %s %s (%d s)%n",
        (start - runStart) / 1000.0, p.kind(), target, (end - start) / 1000);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
          && (open.isEmpty() || deadLettered(postgres, open) == open.size())
          && hostileOpen <= Math.max(0, hostileDeadLettered(postgres))) {
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
    synchronized (hostileSent) {
      return hostileSent.stream()
          .filter(
              h ->
                  h.overKafka()
                      ? !results.deadLettered(h.partition(), h.offset())
                          && (h.requestId() == null || !results.isFinal(h.key()))
                      : (h.httpStatus() == 200 || h.httpStatus() == 202)
                          && !results.isFinal(h.key()))
          .count();
    }
  }

  private static int hostileDeadLettered(Postgres postgres) {
    try (Connection c = postgres.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM verifications WHERE request_id LIKE 'hostile%'"
                    + " AND status = 'DEAD_LETTERED'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (Exception e) {
      return -1;
    }
  }

  private static int deadLettered(Postgres postgres, List<SentRequest> open) {
    Set<String> ids = new HashSet<>();
    open.forEach(r -> ids.add(r.requestId()));
    try (Connection c = postgres.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT request_id FROM verifications WHERE client_id = ? AND request_id = ANY (?)"
                    + " AND status = 'DEAD_LETTERED'")) {
      s.setString(1, open.get(0).clientId());
      s.setArray(2, c.createArrayOf("text", ids.toArray()));
      int count = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          count++;
        }
      }
      return count;
    } catch (Exception e) {
      return -1;
    }
  }

  private void progress(Arrivals arrivals, ResultsCollector results) {
    out.printf(
        "chaos: %5.0f s  requested %,d/%,d  acknowledged %,d  final %,d  faults so far %d%n",
        (System.currentTimeMillis() - runStart) / 1000.0,
        arrivals.requested(),
        settings.requests(),
        arrivals.acknowledged().size(),
        results.finalCount(),
        injected.size());
  }
}
