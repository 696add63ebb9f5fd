package io.facecheck.devstack.chaos;

import io.facecheck.devstack.chaos.FaultPlan.Planned;
import io.facecheck.devstack.chaos.verdict.Evidence.HostileRecord;
import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.infra.KafkaProcess;
import io.facecheck.devstack.infra.Postgres;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.scenario.Fault;
import io.facecheck.simulator.scenario.Outage;
import io.facecheck.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Injects one planned fault at a time and records what was done and when: the kill's exit status,
 * how long the broker took to shut down and start, the hostile records sent.
 */
final class FaultInjector {

  private final ChaosSettings settings;
  private final Stack stack;
  private final KafkaProcess kafka;
  private final Postgres postgres;
  private final AlipaySimulator simulator;
  private final ServiceFleet fleet;
  private final Scenario scenario;
  private final PrintStream out;
  private final long runStart;
  private final List<InjectedFault> injected = Collections.synchronizedList(new ArrayList<>());
  private final List<HostileRecord> hostileSent = Collections.synchronizedList(new ArrayList<>());
  private final List<FakeIdentity> hostileIdentities =
      Collections.synchronizedList(new ArrayList<>());

  FaultInjector(
      ChaosSettings settings,
      Stack stack,
      ServiceFleet fleet,
      Scenario scenario,
      PrintStream out,
      long runStart) {
    this.settings = settings;
    this.stack = stack;
    this.kafka = (KafkaProcess) stack.infrastructure().kafka();
    this.postgres = stack.infrastructure().postgres();
    this.simulator = stack.simulator();
    this.fleet = fleet;
    this.scenario = scenario;
    this.out = out;
    this.runStart = runStart;
  }

  void inject(Planned p) {
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
        "chaos: fault %s on %s, from %.0f s to %.0f s%n",
        p.kind(), target, (start - runStart) / 1000.0, (end - runStart) / 1000.0);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A fault that lasts the whole run (the Alipay errors and timeouts). */
  void recordContinuous(String kind, String target, long startMs, long endMs) {
    injected.add(new InjectedFault(kind, target, startMs, endMs, true));
  }

  List<InjectedFault> injected() {
    synchronized (injected) {
      List<InjectedFault> copy = new ArrayList<>(injected);
      copy.sort(java.util.Comparator.comparingLong(InjectedFault::startMs));
      return copy;
    }
  }

  int count() {
    return injected.size();
  }

  List<HostileRecord> hostileSent() {
    synchronized (hostileSent) {
      return List.copyOf(hostileSent);
    }
  }

  List<FakeIdentity> hostileIdentities() {
    synchronized (hostileIdentities) {
      return List.copyOf(hostileIdentities);
    }
  }
}
