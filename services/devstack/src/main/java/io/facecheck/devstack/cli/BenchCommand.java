package io.facecheck.devstack.cli;

import io.facecheck.devstack.bench.BenchJvms;
import io.facecheck.devstack.bench.BenchRun;
import io.facecheck.devstack.bench.BenchSettings;
import io.facecheck.devstack.stack.StackSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: the pipeline as separate processes, measured: throughput, latency, CPU each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Run Kafka, PostgreSQL, the Alipay simulator with its simulated users, intake, the"
            + " workers and the reconcilers each as a process of its own; send warmup requests,"
            + " then N measured ones (at --rate per second on a steady schedule, or all at once);"
            + " print throughput, latency from each request's due time to its certify URL, and the"
            + " CPU each process spent per verification (from /proc), write them as JSON, and end"
            + " with one summary line. Exits 0 when every measured request reached a final status.")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin StackOptions stack;

  @ArgGroup(exclusive = false, heading = "Simulated users%n")
  UserOptions user = new UserOptions();

  @Option(names = "--requests", defaultValue = "1000", description = "Measured requests.")
  int requests;

  @Option(
      names = "--warmup-requests",
      defaultValue = "500",
      description =
          "Requests sent first, with the same arrivals, waited for until final and left out of"
              + " the figures (their users never walk away, so no TTL is waited out).")
  int warmupRequests;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description =
          "Requests per second on a steady schedule whatever completes (open loop); latency counts"
              + " from each request's due time. 0: all at once, like demo.")
  double rate;

  @Option(names = "--json", description = "Write the figures as JSON to this file.")
  Path json;

  @Option(
      names = "--label",
      description = "Free text recorded in the JSON and the summary (machine, change, quiet?).")
  String label;

  @Option(
      names = "--workers",
      defaultValue = "1",
      description = "Worker JVMs side by side (they share the partitions).")
  int workers;

  @Option(
      names = "--ttl-seconds",
      defaultValue = "60",
      description = "ttl_seconds of each request: how long an abandoning user keeps the run open.")
  int ttlSeconds;

  @Option(
      names = "--idle-seconds",
      defaultValue = "5",
      description =
          "Read every process's idle CPU this long after the last final status (0: skip); the"
              + " JSON gives CPU per verification net of it too.")
  long idleSeconds;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "900",
      description = "Give up (exit 1) when not every request is final after this long.")
  long timeoutSeconds;

  @Option(
      names = "--service-jvm-options",
      split = " ",
      description =
          "JVM options of intake, workers, reconcilers and the simulator, space-separated"
              + " (default: -Xms256m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
              + " -XX:-UseDynamicNumberOfCompilerThreads).")
  List<String> serviceJvmOptions;

  @Option(
      names = "--kafka-jvm-options",
      split = " ",
      description =
          "JVM options of the broker (default: -Xms256m -Xmx512m -XX:+UseSerialGC"
              + " -XX:-UseDynamicNumberOfCompilerThreads).")
  List<String> kafkaJvmOptions;

  @Option(
      names = "--logs",
      description = "Where the processes' logs go (default: <data-dir>/bench-logs).")
  Path logs;

  /** The command as typed, for the record (picocli hands over the whole line, or just ours). */
  private String commandLine() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    String typed = String.join(" ", args);
    return !args.isEmpty() && args.get(0).equals("bench") ? typed : "bench " + typed;
  }

  @Override
  public Integer call() throws Exception {
    StackSettings settings = stack.settings(user.autoUser(), "WARN");
    List<String> services =
        serviceJvmOptions != null ? serviceJvmOptions : BenchJvms.DEFAULT_SERVICE;
    BenchSettings bench =
        new BenchSettings(
            settings,
            requests,
            warmupRequests,
            rate,
            ttlSeconds,
            workers,
            stack.seed,
            stack.alipayLatencyMs,
            stack.logLevel != null ? stack.logLevel : "WARN",
            new BenchJvms(
                services,
                services,
                kafkaJvmOptions != null ? kafkaJvmOptions : BenchJvms.DEFAULT_KAFKA),
            Duration.ofSeconds(idleSeconds),
            Duration.ofSeconds(timeoutSeconds),
            label,
            commandLine(),
            logs != null ? logs : settings.dataDirectory().resolve("bench-logs"));
    BenchRun.Outcome outcome = BenchRun.run(bench, System.out);
    if (outcome == null) {
      return 1;
    }
    System.out.print(outcome.table());
    if (json != null) {
      JsonFile.write(json, outcome.json());
      System.out.println("figures written to " + json);
    }
    System.out.println(outcome.summary());
    return outcome.complete() ? 0 : 1;
  }
}
