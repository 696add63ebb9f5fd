package io.facecheck.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.DevStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandLineTest {

  @Test
  void isACommandOfTheDevStackAndItsHelpListsTheDemoOptionsAndTheBenchOnes() {
    StringWriter help = new StringWriter();
    CommandLine cli = DevStack.commandLine();
    cli.setOut(new PrintWriter(help, true));
    assertThat(cli.execute("bench", "--help")).isZero();
    assertThat(help.toString())
        .contains(
            "--requests",
            "--warmup-requests",
            "--alipay-latency-ms",
            "--worker-max-in-flight",
            "--pass-rate",
            "--abandon-rate",
            "--rate",
            "--json",
            "--label",
            "--workers",
            "--reconcilers",
            "--idle-seconds",
            "--service-jvm-options",
            "--kafka-port");
  }

  @Test
  void optionsParse() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench)
        .parseArgs(
            "--requests=3000",
            "--warmup-requests=2000",
            "--rate=65",
            "--alipay-latency-ms=200",
            "--json=b.json",
            "--label=quiet, main",
            "--workers=2",
            "--service-jvm-options=-Xmx1g -XX:+UseG1GC");
    assertThat(bench.requests).isEqualTo(3000);
    assertThat(bench.warmupRequests).isEqualTo(2000);
    assertThat(bench.rate).isEqualTo(65.0);
    assertThat(bench.stack.alipayLatencyMs).isEqualTo(200);
    assertThat(bench.json).isEqualTo(Path.of("b.json"));
    assertThat(bench.label).isEqualTo("quiet, main");
    assertThat(bench.workers).isEqualTo(2);
    assertThat(bench.serviceJvmOptions).isEqualTo(List.of("-Xmx1g", "-XX:+UseG1GC"));
  }

  @Test
  void withoutARateTheRequestsGoAllAtOnceAfterAWarmup() {
    BenchCommand bench = new BenchCommand();
    new CommandLine(bench).parseArgs();
    assertThat(bench.rate).isZero();
    assertThat(bench.requests).isEqualTo(1000);
    assertThat(bench.warmupRequests).isEqualTo(500);
    assertThat(bench.idleSeconds).isEqualTo(5);
  }
}
