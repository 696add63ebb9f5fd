package io.facecheck.devstack.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The seeded fault schedule. Infrastructure faults (broker stops, PostgreSQL stop and pause, the
 * Alipay outage) take turns, never overlapping, spread over the arrivals with gaps between them; a
 * random service is killed every {@code killEvery} until the last of them ends; the hostile burst
 * comes about a quarter of the way in. For a run shorter than the full schedule (~8 min of
 * arrivals) every duration shrinks in proportion, to a floor that still makes each fault bite, and
 * the broker is stopped once.
 */
public final class FaultPlan {

  /** Arrivals this long get the full durations. */
  static final Duration FULL_RUN = Duration.ofMinutes(8);

  private static final Duration MIN_GAP = Duration.ofSeconds(10);
  private static final Duration FIRST = Duration.ofSeconds(10);

  /** One fault to inject {@code at} after the start, lasting {@code duration}. */
  public record Planned(String kind, String target, Duration at, Duration duration) {
    public Duration end() {
      return at.plus(duration);
    }
  }

  public static final List<String> SERVICES =
      List.of("intake", "worker-1", "worker-2", "reconciler-1", "reconciler-2");

  private FaultPlan() {}

  public static List<Planned> plan(ChaosSettings s) {
    Random random = new Random(s.seed());
    long arrivals = s.arrivals().toMillis();
    double scale = Math.min(1.0, arrivals / (double) FULL_RUN.toMillis());
    List<Planned> infra = new ArrayList<>();
    int brokerStops = scale < 1 ? Math.min(1, s.brokerStops()) : s.brokerStops();
    for (int i = 0; i < brokerStops; i++) {
      infra.add(fault("broker_stop", "kafka", scaled(s.brokerDown(), scale, 5)));
    }
    infra.add(fault("postgres_stop", "postgres", scaled(s.postgresDown(), scale, 5)));
    infra.add(fault("postgres_pause", "postgres", scaled(s.postgresPause(), scale, 8)));
    infra.add(fault("alipay_outage", "alipay", scaled(s.alipayOutage(), scale, 8)));
    Collections.shuffle(infra, random);

    long busy = infra.stream().mapToLong(p -> p.duration().toMillis()).sum();
    long window = (long) (arrivals * 0.85) - FIRST.toMillis();
    long gap = Math.max(MIN_GAP.toMillis(), (window - busy) / Math.max(1, infra.size()));
    List<Planned> plan = new ArrayList<>();
    long at = FIRST.toMillis();
    for (Planned p : infra) {
      plan.add(new Planned(p.kind(), p.target(), Duration.ofMillis(at), p.duration()));
      at += p.duration().toMillis() + gap;
    }
    long lastInfraEnd = plan.stream().mapToLong(p -> p.end().toMillis()).max().orElse(0);

    long killEvery = s.killEvery().toMillis();
    // the first three kills hit a worker, a reconciler and intake, in a seeded order, so even a
    // short run kills each kind of service once
    List<String> firstKills =
        new ArrayList<>(
            List.of(
                "worker-" + (1 + random.nextInt(2)),
                "reconciler-" + (1 + random.nextInt(2)),
                "intake"));
    Collections.shuffle(firstKills, random);
    String last = null;
    int kills = 0;
    for (long t = killEvery / 2 + random.nextInt((int) Math.max(1, killEvery / 2));
        t <= Math.max(arrivals, lastInfraEnd);
        t += killEvery) {
      String target;
      if (kills < firstKills.size()) {
        target = firstKills.get(kills);
      } else {
        // never the same service twice in a row: each kill hits one that has been up a while
        List<String> candidates = new ArrayList<>(SERVICES);
        candidates.remove(last);
        target = candidates.get(random.nextInt(candidates.size()));
      }
      kills++;
      last = target;
      plan.add(new Planned("kill", target, Duration.ofMillis(t), s.restartAfter()));
    }
    if (s.hostile()) {
      long burst = arrivals / 4 + random.nextInt((int) Math.max(1, arrivals / 6));
      plan.add(new Planned("hostile_burst", "requests", Duration.ofMillis(burst), Duration.ZERO));
    }
    plan.sort(Comparator.comparing(Planned::at));
    return plan;
  }

  private static Planned fault(String kind, String target, Duration duration) {
    return new Planned(kind, target, Duration.ZERO, duration);
  }

  private static Duration scaled(Duration full, double scale, long floorSeconds) {
    long ms = Math.round(full.toMillis() * scale);
    return Duration.ofMillis(Math.max(Math.min(full.toMillis(), floorSeconds * 1000), ms));
  }
}
