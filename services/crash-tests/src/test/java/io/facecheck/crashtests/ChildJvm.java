package io.facecheck.crashtests;

import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.schema.PayloadJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service in its own JVM, started from this module's test classpath (no repackaged jar), its
 * output in a log file. Settings go in through {@code SPRING_APPLICATION_JSON}, which outranks
 * every property file a service ships and keeps keys out of the process list.
 */
final class ChildJvm {

  /** What a JVM killed by SIGKILL reports as its exit status: 128 + 9. */
  static final int KILLED_BY_SIGKILL = 137;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Process process;
  private final Path log;
  private final int healthPort;

  private ChildJvm(String name, Process process, Path log, int healthPort) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.healthPort = healthPort;
  }

  /** Starts {@code mainClass}; {@code healthPort} serves its actuator. */
  static ChildJvm start(
      String name, Class<?> mainClass, Map<String, String> settings, Path log, int healthPort) {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            mainClass.getName());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder
        .environment()
        .put("SPRING_APPLICATION_JSON", PayloadJson.mapper().writeValueAsString(settings));
    try {
      Files.createDirectories(log.getParent());
      return new ChildJvm(name, builder.start(), log, healthPort);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** Waits until {@code /actuator/health} answers UP; fails at once if the JVM died. */
  ChildJvm awaitHealthy(Duration atMost) {
    URI health = URI.create("http://localhost:" + healthPort + "/actuator/health");
    await(name + " healthy")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              assertAlive();
              return isUp(health);
            });
    return this;
  }

  /**
   * SIGKILL: {@link Process#destroyForcibly()} on Linux sends signal 9, so no shutdown hook, no
   * {@code finally}, no offset commit runs.
   *
   * @return the exit status, {@link #KILLED_BY_SIGKILL} when the signal did it
   */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    return process.exitValue();
  }

  /** A polite stop (SIGTERM), for the end of the run; SIGKILL if it does not go in time. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Throws, with the end of its log, when the JVM is gone. */
  void assertAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited early:\n" + logTail());
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static boolean isUp(URI health) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }
}
