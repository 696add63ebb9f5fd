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

  private static void send(String signal, List<Long> pids) {
    List<String> command = new ArrayList<>(List.of("kill", signal));
    pids.forEach(p -> command.add(String.valueOf(p)));
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(kill.getInputStream().readAllBytes());
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill " + signal + " " + pids + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run kill", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted sending " + signal, e);
    }
  }
}
