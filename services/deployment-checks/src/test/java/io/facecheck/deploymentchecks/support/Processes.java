package io.facecheck.deploymentchecks.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, feeding it stdin and collecting stdout and stderr. */
public final class Processes {

  private Processes() {}

  public record Result(int exitCode, String stdout, String stderr) {}

  public static Result run(List<String> command, Path directory, String stdin) {
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
      CompletableFuture<String> out = readAsync(process.getInputStream());
      CompletableFuture<String> err = readAsync(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish in 120 s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command, e);
    }
  }

  /** True when {@code command} can be started and exits 0. */
  public static boolean works(List<String> command) {
    try {
      return run(command, Path.of("."), "").exitCode() == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static CompletableFuture<String> readAsync(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
