package io.facecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorMainTest {

  @Test
  void repeatableAppsAndTheirKeysAreKeptPerAppId() {
    SimulatorMain main = new SimulatorMain();
    new CommandLine(main)
        .parseArgs(
            "--app",
            "a1=KEY1",
            "--app",
            "a2=KEY2",
            "--certificate-app",
            "c1=KEY3",
            "--aes-key",
            "a2=AES",
            "--cert-dir",
            "/tmp/ca");

    assertThat(main.publicKeyApps).containsExactly(entry("a1", "KEY1"), entry("a2", "KEY2"));
    assertThat(main.certificateApps).containsExactly(entry("c1", "KEY3"));
    assertThat(main.aesKeys).containsExactly(entry("a2", "AES"));
    assertThat(main.certificateDir).isEqualTo(Path.of("/tmp/ca"));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    SimulatorMain main = new SimulatorMain();
    new CommandLine(main).parseArgs();

    assertThat(main.port).isEqualTo(8089);
    assertThat(main.host).isEqualTo("0.0.0.0");
    assertThat(main.timestampToleranceSeconds).isEqualTo(900);
    assertThat(main.keyFile).isNull();
  }

  @Test
  void anUnknownOptionOrAMalformedAppIsAUsageErrorBeforeAnythingStarts() {
    StringWriter err = new StringWriter();
    CommandLine unknown = new CommandLine(new SimulatorMain()).setErr(new PrintWriter(err));
    assertThat(unknown.execute("--bogus")).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--bogus'");

    CommandLine malformed = new CommandLine(new SimulatorMain()).setErr(new PrintWriter(err));
    assertThat(malformed.execute("--app", "no-equals-sign")).isEqualTo(CommandLine.ExitCode.USAGE);
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
