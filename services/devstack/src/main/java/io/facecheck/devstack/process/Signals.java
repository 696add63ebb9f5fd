package io.facecheck.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * POSIX signals the JDK does not send: SIGSTOP and SIGCONT, through {@code kill}. ({@link
 * Process#destroyForcibly()} already sends SIGKILL on Linux.)
 */
public final class Signals {

  private Signals() {}

  /** SIGSTOP to {@code pid} and every descendant: the process tree freezes, sockets stay open. */
  public static void stopTree(long pid) {
    send("-STOP", tree(pid));
  }

  /** SIGCONT to {@code pid} and every descendant. */
  public static void continueTree(long pid) {
    send("-CONT", tree(pid));
  }

  private static List<Long> tree(long pid) {
    ProcessHandle root =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    return Stream.concat(Stream.of(root), root.descendants()).map(ProcessHandle::pid).toList();
  }

  /**
   * One {@code kill} per process: a backend may exit between listing the tree and signalling it,
   * and that must neither fail the whole pause (leaving the rest frozen with nobody to resume them)
   * nor stop the signal reaching the others. A failure counts only for a process still alive.
   */
  private static void send(String signal, List<Long> pids) {
    List<String> failed = new ArrayList<>();
    for (long pid : pids) {
      String output = kill(signal, pid);
      if (output != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        failed.add(pid + ": " + output.trim());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("kill " + signal + " failed for " + failed);
    }
  }

  /** Null when the signal was delivered, else what kill printed. */
  private static String kill(String signal, long pid) {
    try {
      Process kill =
          new ProcessBuilder("kill", signal, String.valueOf(pid)).redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes());
      return kill.waitFor() == 0 ? null : output;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run kill", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted sending " + signal, e);
    }
  }
}
