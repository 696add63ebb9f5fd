package io.facecheck.devstack.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command stopped with SIGTERM still closes what it started; one that finished does not. */
class StopOnExitTest {

  @TempDir Path dir;

  @Test
  void closesTheResourceWhenTheJvmIsTerminated() throws Exception {
    Path marker = dir.resolve("closed");
    Process child = start(marker, "wait");
    awaitReady(child);

    child.destroy(); // SIGTERM, as Ctrl-C or a supervisor would
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(Files.readString(marker, UTF_8)).isEqualTo("closed");
  }

  @Test
  void leavesNothingBehindOnceClosedNormally() throws Exception {
    Path marker = dir.resolve("closed");
    Process child = start(marker, "finish");

    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).isZero();
    assertThat(marker).doesNotExist();
  }

  private static Process start(Path marker, String mode) throws Exception {
    return new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName(),
                marker.toString(),
                mode))
        .redirectErrorStream(true)
        .start();
  }

  private static void awaitReady(Process child) throws Exception {
    int b = child.getInputStream().read(); // the probe prints one byte once its guard is open
    assertThat(b).isEqualTo('r');
  }

  /** Opens a guard over a resource that writes the marker when closed. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      Path marker = Path.of(args[0]);
      AutoCloseable resource = () -> Files.writeString(marker, "closed", UTF_8);
      try (StopOnExit guard = StopOnExit.closing(resource)) {
        System.out.print('r');
        System.out.flush();
        if (args[1].equals("wait")) {
          Thread.sleep(60_000);
        }
      }
    }
  }
}
