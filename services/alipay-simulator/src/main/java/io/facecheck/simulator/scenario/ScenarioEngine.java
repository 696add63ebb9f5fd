package io.facecheck.simulator.scenario;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the current scenario and turns it into per-call plans. Setting a scenario restarts its
 * draws.
 */
public final class ScenarioEngine {
  /** A scenario with its own call counters, swapped as one so draws never mix two scenarios. */
  private record Active(Scenario scenario, Map<String, AtomicLong> counters) {
    long next(String stream) {
      return counters.computeIfAbsent(stream, s -> new AtomicLong()).getAndIncrement();
    }
  }

  private final Clock clock;
  private volatile Active active;

  public ScenarioEngine(Clock clock, Scenario initial) {
    this.clock = clock;
    set(initial);
  }

  /** Replaces the scenario, fixing relative outage windows against the current time. */
  public Scenario set(Scenario scenario) {
    Instant now = clock.instant();
    Scenario anchored = scenario;
    if (!scenario.outages().isEmpty()) {
      java.util.List<Outage> fixed =
          scenario.outages().stream().map(outage -> outage.anchoredAt(now)).toList();
      anchored =
          new Scenario(
              scenario.seed(),
              scenario.latency(),
              scenario.faults(),
              scenario.timeoutHangMs(),
              fixed,
              scenario.autoUser());
    }
    active = new Active(anchored, new ConcurrentHashMap<>());
    return anchored;
  }

  public Scenario current() {
    return active.scenario();
  }

  public CallPlan plan(String method) {
    Active current = active;
    Scenario scenario = current.scenario();
    long n = current.next(method);
    Instant now = clock.instant();
    for (Outage outage : scenario.outages()) {
      if (outage.covers(method, now)) {
        return withDelay(scenario, outage.fault(), true, method, n, MethodFaults.none());
      }
    }
    MethodFaults faults = scenario.faultsFor(method);
    Fault fault = faults.pick(SeededDraws.unit(scenario.seed(), method, n));
    return withDelay(scenario, fault, false, method, n, faults);
  }

  /**
   * The automatic user's choice for the next new certification, if the user is enabled; the n-th
   * certification since the scenario was set gets the n-th draw.
   */
  public Optional<UserChoice> userChoice() {
    Active current = active;
    Scenario scenario = current.scenario();
    UserBehaviour user = scenario.autoUser();
    if (!user.enabled()) {
      return Optional.empty();
    }
    long n = current.next("auto-user");
    double draw = SeededDraws.unit(scenario.seed(), "auto-user", n);
    UserChoice.Action action;
    if (draw < user.abandonRate()) {
      action = UserChoice.Action.ABANDON;
    } else {
      // the pass rate applies among the users who finish the scan
      double finished = (draw - user.abandonRate()) / (1 - user.abandonRate());
      action = finished < user.passRate() ? UserChoice.Action.PASS : UserChoice.Action.FAIL;
    }
    long jitter =
        (long)
            (SeededDraws.unit(scenario.seed(), "auto-user-delay", n) * (user.delayJitterMs() + 1));
    return Optional.of(
        new UserChoice(action, user.delayMs() + jitter, user.visitReturnUrl(), user.failReason()));
  }

  private static CallPlan withDelay(
      Scenario scenario, Fault fault, boolean outage, String method, long n, MethodFaults faults) {
    if (fault == Fault.TIMEOUT) {
      return new CallPlan(fault, outage, scenario.timeoutHangMs());
    }
    long delay =
        scenario.latency().sample(SeededDraws.unit(scenario.seed(), method + "#latency", n));
    if (fault == null && delay == 0) {
      return CallPlan.NORMAL;
    }
    // only the drawn fault's answer travels with the plan
    return new CallPlan(
        fault,
        outage,
        delay,
        fault == Fault.ERROR_ANSWER ? faults.errorAnswer() : null,
        fault == Fault.UNSIGNED_ERROR ? faults.unsignedError() : null);
  }
}
