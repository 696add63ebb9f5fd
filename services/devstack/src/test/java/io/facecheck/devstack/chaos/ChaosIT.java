package io.facecheck.devstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The devstack's chaos run at a small size, in every verify: 300 verifications, one fault of each
 * kind, every guarantee checked on what the run left behind. Services run as child JVMs from this
 * test's classpath with the devstack's own wiring. The verdict is written to {@code
 * target/chaos-it/verdict.json}, the services' logs to {@code target/chaos-it/logs}.
 */
class ChaosIT {

  private static final Path DIR = Path.of("target", "chaos-it");

  @Test
  void nothingIsLostDuplicatedMisdecidedOrLeakedThroughEveryKindOfFault() throws Exception {
    Scenario users =
        Scenario.none()
            .withSeed(12)
            // 70 % pass, 25 % fail, 5 % walk away (they end EXPIRED after the TTL)
            .withAutoUser(UserBehaviour.after(1000, 0.7 / 0.95, 0.05).withDelayJitterMs(1000));
    StackSettings stack =
        new StackSettings(
            0,
            0,
            0,
            0,
            0,
            0,
            6,
            DIR,
            users,
            // the first step the worker schedules; the reconciler the rest, then a final query at
            // expiry
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30)),
            2,
            0,
            null,
            Map.of("logging.level.root", "INFO"));
    ChaosSettings settings =
        new ChaosSettings(
            stack,
            300,
            12,
            6,
            0.2,
            // TTL: the worker's retries are bounded by it, and on a loaded machine a broker
            // restart alone took 42 s in one run; with 60 s one INITIALIZING verification ran
            // out of retries (DEAD_LETTERED RETRIES_EXHAUSTED)
            90,
            Duration.ofSeconds(20),
            Duration.ofSeconds(3),
            1,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            0.2,
            0.05,
            true,
            // an upper bound for a loaded 2-core machine, not a timing assertion
            Duration.ofMinutes(4),
            DIR.resolve("logs"));

    ChaosRun.Outcome outcome = ChaosRun.run(settings, System.out);
    Files.writeString(
        DIR.resolve("verdict.json"),
        PayloadJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(outcome.json()));
    System.out.println(outcome.table());

    assertThat(outcome.verdict().faults())
        .extracting(f -> f.kind())
        .contains(
            "kill",
            "broker_stop",
            "postgres_stop",
            "postgres_pause",
            "alipay_outage",
            "alipay_errors",
            "hostile_burst");
    assertThat(outcome.verdict().failures()).as(outcome.table()).isEmpty();
  }
}
