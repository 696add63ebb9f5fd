package io.facecheck.devstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.chaos.FaultPlan.Planned;
import io.facecheck.devstack.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

  static ChaosSettings settings(int requests, double rate, long seed) {
    return new ChaosSettings(
        StackSettings.defaults(),
        requests,
        seed,
        rate,
        0.2,
        300,
        Duration.ofSeconds(20),
        Duration.ofSeconds(3),
        2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        0.2,
        0.05,
        true,
        Duration.ofHours(1),
        Path.of("target/logs"));
  }

  @Test
  void theFullRunHasTheIssuesSchedule() {
    List<Planned> plan = FaultPlan.plan(settings(10_000, 20, 42));
    Map<String, Long> kinds =
        plan.stream().collect(Collectors.groupingBy(Planned::kind, Collectors.counting()));

    assertThat(kinds)
        .containsEntry("broker_stop", 2L)
        .containsEntry("postgres_stop", 1L)
        .containsEntry("postgres_pause", 1L)
        .containsEntry("alipay_outage", 1L)
        .containsEntry("hostile_burst", 1L);
    // a kill every 20 s over 500 s of arrivals
    assertThat(kinds.get("kill")).isBetween(24L, 26L);
    assertThat(durationOf(plan, "postgres_pause")).isEqualTo(Duration.ofSeconds(60));
    assertThat(durationOf(plan, "broker_stop")).isEqualTo(Duration.ofSeconds(30));
    assertNoInfrastructureFaultsOverlap(plan);
  }

  @Test
  void aShortRunHasOneOfEachKindShorterButNotToothless() {
    List<Planned> plan = FaultPlan.plan(settings(400, 8, 42));
    Map<String, Long> kinds =
        plan.stream().collect(Collectors.groupingBy(Planned::kind, Collectors.counting()));

    assertThat(kinds)
        .containsEntry("broker_stop", 1L)
        .containsEntry("postgres_stop", 1L)
        .containsEntry("postgres_pause", 1L)
        .containsEntry("alipay_outage", 1L)
        .containsEntry("hostile_burst", 1L);
    assertThat(kinds.get("kill")).isGreaterThanOrEqualTo(3L);
    // a worker, a reconciler and intake each killed at least once
    assertThat(
            plan.stream()
                .filter(p -> p.kind().equals("kill"))
                .map(p -> p.target().replaceAll("-\\d", "")))
        .contains("worker", "reconciler", "intake");
    assertThat(durationOf(plan, "broker_stop")).isEqualTo(Duration.ofSeconds(5));
    assertThat(durationOf(plan, "postgres_pause")).isEqualTo(Duration.ofSeconds(8));
    assertNoInfrastructureFaultsOverlap(plan);
  }

  @Test
  void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
    assertThat(FaultPlan.plan(settings(2000, 20, 1)))
        .isEqualTo(FaultPlan.plan(settings(2000, 20, 1)));
    assertThat(FaultPlan.plan(settings(2000, 20, 1)))
        .isNotEqualTo(FaultPlan.plan(settings(2000, 20, 2)));
  }

  private static Duration durationOf(List<Planned> plan, String kind) {
    return plan.stream().filter(p -> p.kind().equals(kind)).findFirst().orElseThrow().duration();
  }

  private static void assertNoInfrastructureFaultsOverlap(List<Planned> plan) {
    List<Planned> infra =
        plan.stream()
            .filter(p -> !p.kind().equals("kill") && !p.kind().equals("hostile_burst"))
            .toList();
    for (int i = 1; i < infra.size(); i++) {
      assertThat(infra.get(i).at()).isGreaterThanOrEqualTo(infra.get(i - 1).end());
    }
  }
}
