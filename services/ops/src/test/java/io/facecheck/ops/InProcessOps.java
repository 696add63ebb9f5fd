package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.console.OpsContext;
import io.facecheck.ops.console.Terminal;
import io.facecheck.ops.console.Ticker;
import io.facecheck.testinfra.TestKafka;
import io.facecheck.testinfra.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs facecheck-ops in this JVM, as {@code main} would, with stdout and stderr captured. */
final class InProcessOps {

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {

    String line(String containing) {
      return out.lines()
          .filter(line -> line.contains(containing))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + out));
    }

    void assertNoIdentity() {
      assertThat(out + err)
          .doesNotContain(StoredVerifications.CERT_NAME)
          .doesNotContain(StoredVerifications.CERT_NO)
          .doesNotContain(StoredVerifications.CERT_NO.substring(6, 14)); // not even the birth date
    }
  }

  private final TestPostgres.Database db;
  private final Clock clock;
  private final Terminal terminal;
  private final Ticker ticker;

  InProcessOps(TestPostgres.Database db, Clock clock) {
    this(db, clock, Terminal.none(), Ticker.system());
  }

  InProcessOps(TestPostgres.Database db, Clock clock, Terminal terminal, Ticker ticker) {
    this.db = db;
    this.clock = clock;
    this.terminal = terminal;
    this.ticker = ticker;
  }

  /** The same, with this terminal (a person answering) and this ticker (pacing, progress). */
  InProcessOps with(Terminal terminal, Ticker ticker) {
    return new InProcessOps(db, clock, terminal, ticker);
  }

  /** The command with the connection options of the test broker and database appended. */
  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--bootstrap-servers", TestKafka.bootstrapServers(),
            "--jdbc-url", db.jdbcUrl(),
            "--db-user", db.user(),
            "--db-password", db.password()));
    return runAsGiven(all.toArray(String[]::new));
  }

  /** The command exactly as given: no connection options added. */
  Run runAsGiven(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = FacecheckOps.commandLine(new OpsContext(Map.of(), clock, terminal, ticker));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
