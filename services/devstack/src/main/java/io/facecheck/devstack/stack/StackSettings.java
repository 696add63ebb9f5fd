package io.facecheck.devstack.stack;

import io.facecheck.devstack.infra.FreePorts;
import io.facecheck.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a stack is started with. A port of 0 means "any free port" and is resolved before
 * start, since some services must know another's port (the worker puts intake's into return_url).
 *
 * @param reconcilerPort the first reconciler's management port; further instances take the next
 * @param ladder the query ladder: the worker schedules the first step, the reconciler the rest
 * @param workerMaxInFlight Alipay calls one worker keeps in flight; 0 keeps the worker's default
 * @param reconcilerClock the reconcilers' clock (tests move it to expire verifications); null for
 *     the system clock
 * @param extraProperties added to every service's settings, after (and over) the stack's own
 * @param alipay the app's mode and encryption (public key, clear, unless set)
 */
public record StackSettings(
    int kafkaPort,
    int postgresPort,
    int simulatorPort,
    int intakePort,
    int workerPort,
    int reconcilerPort,
    int partitions,
    Path dataDirectory,
    Scenario scenario,
    List<Duration> ladder,
    int reconcilers,
    int workerMaxInFlight,
    Clock reconcilerClock,
    Map<String, String> extraProperties,
    AlipaySetup alipay) {

  public static final List<Duration> DEFAULT_LADDER =
      List.of(Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(10));

  public StackSettings {
    if (partitions < 1 || reconcilers < 1) {
      throw new IllegalArgumentException("partitions and reconcilers must be at least 1");
    }
    if (ladder.isEmpty()) {
      throw new IllegalArgumentException("the ladder needs at least one step");
    }
    ladder = List.copyOf(ladder);
    extraProperties = Map.copyOf(extraProperties);
    alipay = alipay != null ? alipay : AlipaySetup.PUBLIC_KEY;
  }

  /** Public-key mode, clear content. */
  public StackSettings(
      int kafkaPort,
      int postgresPort,
      int simulatorPort,
      int intakePort,
      int workerPort,
      int reconcilerPort,
      int partitions,
      Path dataDirectory,
      Scenario scenario,
      List<Duration> ladder,
      int reconcilers,
      int workerMaxInFlight,
      Clock reconcilerClock,
      Map<String, String> extraProperties) {
    this(
        kafkaPort,
        postgresPort,
        simulatorPort,
        intakePort,
        workerPort,
        reconcilerPort,
        partitions,
        dataDirectory,
        scenario,
        ladder,
        reconcilers,
        workerMaxInFlight,
        reconcilerClock,
        extraProperties,
        AlipaySetup.PUBLIC_KEY);
  }

  public StackSettings withAlipay(AlipaySetup setup) {
    return new StackSettings(
        kafkaPort,
        postgresPort,
        simulatorPort,
        intakePort,
        workerPort,
        reconcilerPort,
        partitions,
        dataDirectory,
        scenario,
        ladder,
        reconcilers,
        workerMaxInFlight,
        reconcilerClock,
        extraProperties,
        setup);
  }

  /** The README's default ports, the directory .devstack, a well-behaved simulator. */
  public static StackSettings defaults() {
    return new StackSettings(
        9092,
        55432,
        8089,
        8080,
        8081,
        8082,
        6,
        Path.of(".devstack"),
        Scenario.none(),
        DEFAULT_LADDER,
        1,
        0,
        null,
        Map.of());
  }

  /** The same settings with every port 0 replaced by a free one. */
  public StackSettings withFreePortsResolved() {
    return new StackSettings(
        FreePorts.resolve(kafkaPort),
        FreePorts.resolve(postgresPort),
        FreePorts.resolve(simulatorPort),
        FreePorts.resolve(intakePort),
        FreePorts.resolve(workerPort),
        FreePorts.resolveRange(reconcilerPort, reconcilers),
        partitions,
        dataDirectory,
        scenario,
        ladder,
        reconcilers,
        workerMaxInFlight,
        reconcilerClock,
        extraProperties,
        alipay);
  }

  /**
   * The management port of reconciler {@code index} (0-based): the first one's plus index (for port
   * 0, the free port found for the first).
   */
  public int reconcilerPort(int index) {
    return reconcilerPort + index;
  }

  public StackSettings withScenario(Scenario newScenario) {
    return new StackSettings(
        kafkaPort,
        postgresPort,
        simulatorPort,
        intakePort,
        workerPort,
        reconcilerPort,
        partitions,
        dataDirectory,
        newScenario,
        ladder,
        reconcilers,
        workerMaxInFlight,
        reconcilerClock,
        extraProperties,
        alipay);
  }
}
