package io.facecheck.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of its own running a main class of this program, its output appended to a log file.
 * Settings go in through the environment (for Spring services {@code SPRING_APPLICATION_JSON}),
 * which keeps keys out of the process list.
 */
public final class ChildJvm {

  /** What a JVM killed by SIGKILL reports as its exit status: 128 + 9. */
  public static final int KILLED_BY_SIGKILL = 137;

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static ChildJvm start(
      String name,
      String mainClass,
      List<String> jvmOptions,
      List<String> args,
      Map<String, String> environment,
      Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(JavaCommand.of(mainClass, jvmOptions, args))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      return new ChildJvm(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /**
   * SIGKILL: on Linux {@link Process#destroyForcibly()} sends signal 9, so no shutdown hook, no
   * {@code finally}, no offset commit runs.
   *
   * @return the exit status, {@link #KILLED_BY_SIGKILL} when the signal did it
   */
  public int kill() {
    process.destroyForcibly();
    return awaitExit();
  }

  /** Waits for the JVM to end by itself; SIGKILL after {@code timeoutSeconds}. */
  public int awaitExit(long timeoutSeconds) {
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return awaitExit();
  }

  /** SIGTERM, then SIGKILL when it has not gone after {@code graceSeconds}. */
  public int stop(long graceSeconds) {
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return awaitExit();
  }

  private int awaitExit() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Throws, with the end of its log, when the JVM is gone. */
  public void assertAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited (" + process.exitValue() + "):\n" + logTail(40));
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
