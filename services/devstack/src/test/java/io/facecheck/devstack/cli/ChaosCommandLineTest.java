package io.facecheck.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.devstack.DevStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChaosCommandLineTest {

  @Test
  void helpListsTheContractsOptionsAndEveryRateAndDuration() {
    StringWriter help = new StringWriter();
    CommandLine cli = DevStack.commandLine();
    cli.setOut(new PrintWriter(help, true));
    assertThat(cli.execute("chaos", "--help")).isZero();
    assertThat(help.toString())
        .contains(
            "--requests",
            "--seed",
            "--json",
            "--rate",
            "--kill-every",
            "--restart-after",
            "--broker-stops",
            "--broker-down",
            "--postgres-down",
            "--postgres-pause",
            "--alipay-outage",
            "--alipay-error-rate",
            "--alipay-timeout-rate",
            "--no-hostile",
            "--timeout-seconds",
            "--kafka-port",
            "Default: 10000");
  }

  @Test
  void optionsParse() {
    ChaosCommand chaos = new ChaosCommand();
    new CommandLine(chaos)
        .parseArgs(
            "--requests=400", "--seed=7", "--broker-down=5s", "--no-hostile", "--json=v.json");
    assertThat(chaos.requests).isEqualTo(400);
    assertThat(chaos.stack.seed).isEqualTo(7);
    assertThat(chaos.brokerDown).isEqualTo(Duration.ofSeconds(5));
    assertThat(chaos.noHostile).isTrue();
    assertThat(chaos.killEvery).isEqualTo(Duration.ofSeconds(20));
    assertThat(chaos.errorRate).isEqualTo(0.2);
    assertThat(chaos.timeoutRate).isEqualTo(0.05);
  }
}
