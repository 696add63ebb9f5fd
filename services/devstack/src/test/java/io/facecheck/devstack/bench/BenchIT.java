package io.facecheck.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.DevStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code devstack bench} end to end at a small size, in every verify: every process of its own
 * (Kafka, PostgreSQL, the simulator, intake, worker, reconciler), a short warmup, 200 requests at a
 * steady rate. It fails when the command breaks (an exit status other than 0, a figure missing, not
 * a positive finite number, counts that disagree, no summary line last), never on how fast it was.
 * Users do not walk away, so no TTL is waited out. JSON and logs in {@code target/bench-it}.
 */
class BenchIT {

  private static final Path DIR = Path.of("target", "bench-it");

  @Test
  void benchRunsEveryPartAsItsOwnProcessAndReportsEveryFigure() throws Exception {
    Path json = DIR.resolve("bench.json");
    Files.deleteIfExists(json);
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, "UTF-8")) {
      System.setOut(tee);
      exit =
          DevStack.commandLine()
              .execute(
                  "bench",
                  "--requests=200",
                  "--warmup-requests=20",
                  "--rate=20",
                  "--abandon-rate=0",
                  "--idle-seconds=1",
                  "--label=BenchIT",
                  "--json=" + json,
                  "--data-dir=" + DIR,
                  // an upper bound for a loaded 2-core machine, not a timing assertion
                  "--timeout-seconds=600",
                  "--kafka-port=0",
                  "--postgres-port=0",
                  "--simulator-port=0",
                  "--intake-port=0",
                  "--worker-port=0",
                  "--reconciler-port=0");
    } finally {
      System.setOut(original);
    }

    assertThat(exit).isZero();
    BenchJson.assertWellFormed(PayloadJson.mapper().readTree(Files.readString(json)));
    List<String> lines =
        Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
            .filter(l -> !l.isBlank())
            .toList();
    assertThat(lines.get(lines.size() - 1))
        .startsWith("bench [BenchIT]: 200 requests at 20.0/s, Alipay 0 ms:")
        .contains("certify URLs/s", "decided/s", "p99", "facecheck", "kafka", "postgres");
  }

  /** Writes to both streams. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      a.flush();
      b.flush();
    }
  }
}
