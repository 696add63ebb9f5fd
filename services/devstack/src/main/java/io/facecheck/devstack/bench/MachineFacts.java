package io.facecheck.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a run's figures depend on besides the code: the machine, the JDK, how loaded it was. */
final class MachineFacts {

  private MachineFacts() {}

  /** The 1, 5 and 15 minute load averages, from {@code /proc/loadavg}; empty without it. */
  static List<Double> loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return Arrays.stream(f, 0, 3).map(Double::valueOf).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu_model", procField("/proc/cpuinfo", "model name"));
    String memTotal = procField("/proc/meminfo", "MemTotal");
    m.put("memory_mb", memTotal == null ? null : Long.parseLong(memTotal.split("\\s+")[0]) / 1024);
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  /** The JDK every JVM of the run uses (the children start from this one's {@code java.home}). */
  static Map<String, Object> jdk() {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("version", System.getProperty("java.version"));
    j.put("vendor", System.getProperty("java.vendor"));
    j.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    j.put("home", System.getProperty("java.home"));
    return j;
  }

  /** The checked-out commit, when run inside the repository; null otherwise. */
  static String gitCommit() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes()).trim();
      if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return null;
      }
      return out.matches("[0-9a-f]{7,40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String procField(String file, String name) {
    try {
      for (String line : Files.readAllLines(Path.of(file))) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
