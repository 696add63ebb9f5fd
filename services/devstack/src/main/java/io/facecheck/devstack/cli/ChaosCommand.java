package io.facecheck.devstack.cli;

import io.facecheck.devstack.chaos.ChaosRun;
import io.facecheck.devstack.chaos.ChaosSettings;
import io.facecheck.devstack.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chaos}: the pipeline as separate processes under seeded faults, and a verdict. */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Run intake, 2 workers and 2 reconcilers as their own JVMs on a restartable Kafka and"
            + " PostgreSQL, send N requests at a steady rate over Kafka and HTTP with simulated"
            + " users, inject a seeded schedule of faults (SIGKILLs, broker and PostgreSQL stops, a"
            + " PostgreSQL pause, an Alipay outage, Alipay errors and timeouts throughout, hostile"
            + " records), wait for every final status, and print the verdict computed from what the"
            + " run left in Kafka, PostgreSQL, the simulator and the logs. Exits 0 when every"
            + " guarantee held, 1 otherwise. Durations shrink for runs under 8 minutes of arrivals.")
public final class ChaosCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @ArgGroup(exclusive = false, heading = "Simulated users%n")
  UserOptions user = new UserOptions();

  @Option(names = "--requests", defaultValue = "10000", description = "Valid requests to send.")
  int requests;

  @Option(names = "--json", description = "Write the verdict as JSON to this file.")
  Path json;

  @Option(names = "--rate", defaultValue = "20", description = "Requests per second, steady.")
  double rate;

  @Option(
      names = "--http-share",
      defaultValue = "0.2",
      description = "Share of requests posted to intake; the rest are produced to Kafka.")
  double httpShare;

  @Option(
      names = "--ttl-seconds",
      defaultValue = "300",
      description = "ttl_seconds of each request: when abandoning users end EXPIRED.")
  int ttlSeconds;

  @Option(
      names = "--kill-every",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "SIGKILL a random service this often.")
  Duration killEvery;

  @Option(
      names = "--restart-after",
      defaultValue = "3s",
      converter = DurationConverter.class,
      description = "Start a killed service again after this long.")
  Duration restartAfter;

  @Option(
      names = "--broker-stops",
      defaultValue = "2",
      description = "How often the broker is stopped (once in a short run).")
  int brokerStops;

  @Option(
      names = "--broker-down",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long each broker stop lasts.")
  Duration brokerDown;

  @Option(
      names = "--postgres-down",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long PostgreSQL is stopped.")
  Duration postgresDown;

  @Option(
      names = "--postgres-pause",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "How long PostgreSQL is paused (SIGSTOP).")
  Duration postgresPause;

  @Option(
      names = "--alipay-outage",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "How long Alipay answers HTTP 502 to everything.")
  Duration alipayOutage;

  @Option(
      names = "--alipay-error-rate",
      defaultValue = "0.2",
      description = "Share of Alipay calls answered 20000 (system error), throughout.")
  double errorRate;

  @Option(
      names = "--alipay-timeout-rate",
      defaultValue = "0.05",
      description = "Share of Alipay calls held past the client's read timeout, throughout.")
  double timeoutRate;

  @Option(names = "--no-hostile", description = "Leave out the burst of hostile records.")
  boolean noHostile;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "3600",
      description = "Stop waiting for final statuses after this long (the rest count as lost).")
  long timeoutSeconds;

  @Option(
      names = "--logs",
      description = "Where the services' logs go (default: <data-dir>/chaos-logs).")
  Path logs;

  @Override
  public Integer call() throws Exception {
    // the services log at INFO (their logs are searched for PII); this process only says what
    // happens, so the infrastructure's chatter stays out unless --log-level asks for it
    stack.reconcilers = 2; // chaos always runs two: their ports are resolved together
    StackSettings settings = stack.settings(user.autoUser(), "INFO");
    if (stack.logLevel == null) {
      System.setProperty("devstack.log.level", "WARN");
    }
    ChaosSettings chaos =
        new ChaosSettings(
            settings,
            requests,
            stack.seed,
            rate,
            httpShare,
            ttlSeconds,
            killEvery,
            restartAfter,
            brokerStops,
            brokerDown,
            postgresDown,
            postgresPause,
            alipayOutage,
            errorRate,
            timeoutRate,
            !noHostile,
            Duration.ofSeconds(timeoutSeconds),
            logs != null ? logs : settings.dataDirectory().resolve("chaos-logs"));
    ChaosRun.Outcome outcome = ChaosRun.run(chaos, System.out);
    System.out.println();
    System.out.println(outcome.table());
    if (json != null) {
      JsonFile.write(json, outcome.json());
      System.out.println("verdict written to " + json);
    }
    return outcome.verdict().passed() ? 0 : 1;
  }
}
