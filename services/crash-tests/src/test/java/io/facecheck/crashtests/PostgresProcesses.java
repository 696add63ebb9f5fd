package io.facecheck.crashtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The processes of the PostgreSQL server the test database lives on: the postmaster, named by the
 * first line of {@code postmaster.pid} in its data directory, and every process it forked (backends
 * holding the services' pooled connections, checkpointer, WAL writer, ...). {@link #pause()} stops
 * them all with SIGSTOP, as {@code docker pause} freezes a database container: established
 * connections stop answering and new ones are never accepted, yet no socket closes.
 */
final class PostgresProcesses {

  private final long postmasterPid;

  private PostgresProcesses(long postmasterPid) {
    this.postmasterPid = postmasterPid;
  }

  /**
   * The server behind {@code db}, when it runs on this machine (zonky's embedded PostgreSQL); empty
   * for a server elsewhere (a container), whose processes this JVM cannot signal.
   */
  static Optional<PostgresProcesses> of(DataSource db) throws SQLException, IOException {
    String dataDirectory;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW data_directory")) {
      rs.next();
      dataDirectory = rs.getString(1);
    }
    Path pidFile = Path.of(dataDirectory, "postmaster.pid");
    if (!Files.isReadable(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim());
    return ProcessHandle.of(pid).isPresent()
        ? Optional.of(new PostgresProcesses(pid))
        : Optional.empty();
  }

  long postmasterPid() {
    return postmasterPid;
  }

  /**
   * SIGSTOP to the postmaster first (so it forks nothing new), then to each process it forked,
   * until every one is seen stopped ({@code T} in {@code /proc/<pid>/stat}). A JVM shutdown hook
   * sends SIGCONT should the test JVM end before {@link Paused#close()}: a server left stopped
   * would hang every later test and the build.
   */
  Paused pause() throws IOException, InterruptedException {
    Paused paused = new Paused();
    Runtime.getRuntime().addShutdownHook(paused.safetyNet);
    try {
      paused.stop(List.of(postmasterPid));
      // a fork under way when the postmaster stopped may show up late: stop until none is left
      for (int round = 0; round < 10; round++) {
        List<Long> running =
            descendants().stream().filter(pid -> !paused.stopped.contains(pid)).toList();
        if (running.isEmpty()) {
          break;
        }
        paused.stop(running);
      }
      // the signal is delivered when the kernel next schedules the process: wait for it to show
      try {
        await("every PostgreSQL process stopped")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> paused.stopped.stream().allMatch(PostgresProcesses::isStoppedOrGone));
      } catch (ConditionTimeoutException e) {
        throw new IllegalStateException(
            "PostgreSQL processes not stopped (pid=state): "
                + paused.stopped.stream()
                    .filter(pid -> !isStoppedOrGone(pid))
                    .map(pid -> pid + "=" + state(pid))
                    .toList(),
            e);
      }
      return paused;
    } catch (IOException | InterruptedException | RuntimeException e) {
      paused.close();
      throw e;
    }
  }

  private List<Long> descendants() {
    return ProcessHandle.of(postmasterPid).stream()
        .flatMap(ProcessHandle::descendants)
        .map(ProcessHandle::pid)
        .toList();
  }

  /**
   * Stopped ({@code T}) or no longer running: gone, or a zombie ({@code Z}: a backend whose client
   * left exits, and the stopped postmaster cannot reap it until SIGCONT).
   */
  private static boolean isStoppedOrGone(long pid) {
    char state = state(pid);
    return state == 'T' || state == 't' || state == 'Z' || state == 'X' || state == '-';
  }

  /** The state letter in {@code /proc/<pid>/stat} (after the command in parentheses). */
  private static char state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2);
    } catch (IOException gone) {
      return '-';
    }
  }

  private static void signal(String signal, List<Long> pids)
      throws IOException, InterruptedException {
    if (pids.isEmpty()) {
      return;
    }
    List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
    pids.forEach(pid -> command.add(Long.toString(pid)));
    Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!kill.waitFor(30, TimeUnit.SECONDS)) {
      kill.destroyForcibly();
      throw new IOException("kill -" + signal + " did not return");
    }
    // a backend may have exited since it was listed: kill then says "No such process", harmless
    String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (kill.exitValue() != 0 && !output.contains("No such process")) {
      throw new IOException("kill -" + signal + " " + pids + " failed: " + output.trim());
    }
  }

  /** The server stopped; {@link #close()} (SIGCONT) resumes it. */
  final class Paused implements AutoCloseable {

    private final Set<Long> stopped = new LinkedHashSet<>();
    private final Instant since = Instant.now();
    private final Thread safetyNet = new Thread(this::resumeQuietly, "resume-postgres");
    private Instant resumedAt;

    private void stop(List<Long> pids) throws IOException, InterruptedException {
      stopped.addAll(pids);
      signal("STOP", pids);
    }

    Instant since() {
      return since;
    }

    int processes() {
      return stopped.size();
    }

    /** SIGCONT to every stopped process, the postmaster last; idempotent. */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
      if (resumedAt != null) {
        return;
      }
      List<Long> order = new ArrayList<>(stopped);
      order.remove(Long.valueOf(postmasterPid));
      order.add(postmasterPid);
      signal("CONT", order);
      resumedAt = Instant.now();
      try {
        Runtime.getRuntime().removeShutdownHook(safetyNet);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: it finds the server resumed
      }
    }

    synchronized Instant resumedAt() {
      return resumedAt;
    }

    private void resumeQuietly() {
      try {
        close();
      } catch (IOException | InterruptedException e) {
        System.err.println("could not resume PostgreSQL " + stopped + ": " + e);
      }
    }
  }
}
