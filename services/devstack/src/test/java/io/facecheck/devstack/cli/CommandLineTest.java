package io.facecheck.devstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facecheck.devstack.DevStack;
import io.facecheck.devstack.stack.AlipaySetup;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Latency;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

  @Test
  void helpListsEveryPortAndTheDemoOptions() {
    StringWriter help = new StringWriter();
    CommandLine cli = DevStack.commandLine();
    cli.setOut(new PrintWriter(help, true));
    assertThat(cli.execute("demo", "--help")).isZero();
    assertThat(help.toString())
        .contains(
            "--kafka-port",
            "--postgres-port",
            "--simulator-port",
            "--intake-port",
            "--worker-port",
            "--reconciler-port",
            "--requests",
            "--alipay-latency-ms",
            "--pass-rate",
            "--abandon-rate",
            "Default: 9092",
            "Default: 55432");
  }

  @Test
  void withoutACommandItExitsNonZero() {
    CommandLine cli = DevStack.commandLine();
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute()).isNotZero();
  }

  @Test
  void optionsBecomeSettings() {
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo)
        .parseArgs(
            "--kafka-port=19092",
            "--alipay-latency-ms=200",
            "--ladder=30s,2m",
            "--reconcilers=2",
            "--pass-rate=0.6",
            "--abandon-rate=0.2",
            "--set=facecheck.worker.max-poll-records=100");
    StackSettings settings = demo.stack.settings(demo.user.autoUser(), "WARN");
    assertThat(settings.kafkaPort()).isEqualTo(19092);
    assertThat(settings.postgresPort()).isEqualTo(55432);
    assertThat(settings.scenario().latency()).isEqualTo(Latency.fixed(200));
    assertThat(settings.ladder()).isEqualTo(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)));
    assertThat(settings.reconcilers()).isEqualTo(2);
    // 60 % of all users pass: 75 % of the 80 % who do not walk away
    assertThat(settings.scenario().autoUser().passRate()).isCloseTo(0.75, within(1e-9));
    assertThat(settings.scenario().autoUser().abandonRate()).isEqualTo(0.2);
    assertThat(settings.extraProperties())
        .containsEntry("facecheck.worker.max-poll-records", "100")
        .containsEntry("logging.level.root", "WARN");
  }

  @Test
  void upAndInfraShareTheAutoUserOption() {
    UpCommand up = new UpCommand();
    new CommandLine(up).parseArgs("--auto-user", "--pass-rate", "0.5", "--abandon-rate", "0.25");
    InfraCommand infra = new InfraCommand();
    new CommandLine(infra).parseArgs();

    // the simulator takes the pass rate among users who finish: 0.5 of all is 2/3 of 0.75
    assertThat(up.autoUser.autoUserOrNull().passRate()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(up.autoUser.autoUserOrNull().abandonRate()).isEqualTo(0.25);
    assertThat(infra.autoUser.autoUserOrNull()).isNull();
  }

  @Test
  void demoWritesItsHtmlReportOnlyWhenAskedTo() {
    DemoCommand asked = new DemoCommand();
    new CommandLine(asked).parseArgs("--report=target/demo.html");
    assertThat(asked.report).isEqualTo(java.nio.file.Path.of("target/demo.html"));

    DemoCommand plain = new DemoCommand();
    new CommandLine(plain).parseArgs();
    assertThat(plain.report).isNull();
  }

  @Test
  void alipayModeAndEncryptionBecomeSettings() {
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs("--alipay-mode=certificate", "--encrypt");
    StackSettings settings = demo.stack.settings(demo.user.autoUser(), "WARN");
    assertThat(settings.alipay()).isEqualTo(new AlipaySetup(true, true));

    DemoCommand plain = new DemoCommand();
    new CommandLine(plain).parseArgs();
    assertThat(plain.stack.settings(plain.user.autoUser(), "WARN").alipay())
        .isEqualTo(AlipaySetup.PUBLIC_KEY);

    DemoCommand wrong = new DemoCommand();
    new CommandLine(wrong).parseArgs("--alipay-mode=cert");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> wrong.stack.settings(wrong.user.autoUser(), "WARN"))
        .hasMessageContaining("--alipay-mode must be public-key or certificate");
  }
}
