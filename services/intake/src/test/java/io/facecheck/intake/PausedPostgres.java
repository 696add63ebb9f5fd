package io.facecheck.intake;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The test's real PostgreSQL server frozen with SIGSTOP, postmaster and every backend (as {@code
 * docker pause} does): open connections stay open and answer nothing, new ones are accepted by the
 * kernel and then hang. {@link #close()} sends SIGCONT; use it in try-with-resources so the server
 * always resumes. Needs the server in this machine's process table (the embedded one), so a test is
 * skipped where PostgreSQL runs in a container.
 */
final class PausedPostgres implements AutoCloseable {

  private final List<Long> pids;

  private PausedPostgres(List<Long> pids) {
    this.pids = pids;
  }

  static PausedPostgres pause(DataSource dataSource) throws SQLException, IOException {
    ProcessHandle postmaster = postmasterOf(backendPid(dataSource));
    List<Long> stopped = new ArrayList<>();
    PausedPostgres paused = new PausedPostgres(stopped);
    try {
      // the postmaster first: stopped, it forks no new backend while the others are listed
      signal("STOP", List.of(postmaster.pid()));
      stopped.add(postmaster.pid());
      List<Long> backends = postmaster.descendants().map(ProcessHandle::pid).toList();
      signal("STOP", backends);
      stopped.addAll(backends);
      return paused;
    } catch (IOException | RuntimeException e) {
      paused.close();
      throw e;
    }
  }

  /** The processes stopped: the postmaster and its backends. */
  int processes() {
    return pids.size();
  }

  @Override
  public void close() throws IOException {
    signal("CONT", pids);
  }

  private static long backendPid(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static ProcessHandle postmasterOf(long backendPid) {
    Optional<ProcessHandle> postmaster =
        ProcessHandle.of(backendPid)
            .flatMap(ProcessHandle::parent)
            .filter(p -> p.info().command().orElse("").contains("postgres"));
    assumeTrue(
        postmaster.isPresent(),
        "PostgreSQL is not a local process (a container?): it cannot be paused from here");
    return postmaster.get();
  }

  private static void signal(String signal, List<Long> pids) throws IOException {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command =
        Stream.concat(Stream.of("kill", "-" + signal), pids.stream().map(String::valueOf)).toList();
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      int exit = kill.waitFor();
      if (exit != 0 && signal.equals("STOP")) {
        throw new IOException(
            "kill -STOP failed: " + new String(kill.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signalling PostgreSQL", e);
    }
  }
}
