package io.facecheck.devstack.cli;

import io.facecheck.devstack.demo.DemoRun;
import io.facecheck.devstack.demo.HtmlReport;
import io.facecheck.devstack.process.StopOnExit;
import io.facecheck.devstack.stack.Secrets;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: {@code up}, N verifications completed by simulated users, then a summary. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description =
        "Start the whole stack, produce N verification requests, let the simulator's automatic"
            + " users complete them, show progress, print a summary, and stop. Exits 0 when every"
            + " request reached a final status.")
public final class DemoCommand implements Callable<Integer> {

  @Mixin StackOptions stack;

  @ArgGroup(exclusive = false, heading = "Simulated users%n")
  UserOptions user = new UserOptions();

  @Option(names = "--requests", defaultValue = "1000", description = "Requests to produce.")
  int requests;

  @Option(
      names = "--warmup-requests",
      defaultValue = "0",
      description =
          "Requests sent (and waited for up to their certify URL) before the measured ones, and"
              + " left out of the summary.")
  int warmupRequests;

  @Option(
      names = "--ttl-seconds",
      defaultValue = "60",
      description = "ttl_seconds of each request: how long an abandoning user keeps it open.")
  int ttlSeconds;

  @Option(
      names = "--timeout-seconds",
      defaultValue = "600",
      description = "Give up (exit 1) when not every request is final after this long.")
  long timeoutSeconds;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description =
          "Also write a self-contained HTML page with plots: throughput over time, latency"
              + " histograms, outcomes. Written for an incomplete run too.")
  Path report;

  @Override
  public Integer call() throws InterruptedException, IOException {
    StackSettings settings = stack.settings(user.autoUser(), "WARN");
    System.out.println("starting the stack...");
    try (Stack running = Stack.startAll(settings);
        StopOnExit onExit = StopOnExit.closing(running)) {
      System.out.printf(
          "stack up; %,d requests, Alipay latency %d ms, users: %s%n",
          requests, stack.alipayLatencyMs, settings.scenario().autoUser());
      DemoRun.Measured measured =
          DemoRun.measure(
              running.bootstrapServers(),
              new DemoRun.Options(
                  requests,
                  warmupRequests,
                  ttlSeconds,
                  Secrets.DEMO_CLIENT,
                  stack.seed,
                  Duration.ofSeconds(timeoutSeconds),
                  // the business page the browser lands on: the liveness probe answers without
                  // the full health check's database query, which cost ~3 % of the demo's CPU
                  running.intakeUrl() + "/actuator/health/liveness"),
              System.out);
      if (report != null && measured.report() != null) {
        HtmlReport.write(report, measured.report(), measured.series());
        System.out.println("report: " + report.toAbsolutePath());
      }
      return measured.complete() ? 0 : 1;
    }
  }
}
