package io.facecheck.devstack.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every measured process's CPU time at one moment, and how much of it was JIT compilation. */
public record CpuSnapshot(
    long nanos, Map<String, Long> millisByProcess, Map<String, Long> jitMillisByProcess) {

  public static CpuSnapshot take(List<MeasuredProcess> processes) {
    Map<String, Long> millis = new LinkedHashMap<>();
    Map<String, Long> jit = new LinkedHashMap<>();
    for (MeasuredProcess p : processes) {
      jit.put(p.name(), p.jitMillis()); // read first: never more than the total read after it
      long ms = p.cpuMillis();
      if (ms < 0) {
        throw new IllegalStateException(p.name() + " (pid " + p.pid() + ") is gone");
      }
      millis.put(p.name(), ms);
    }
    return new CpuSnapshot(System.nanoTime(), Map.copyOf(millis), Map.copyOf(jit));
  }

  /** CPU each process spent from {@code earlier} to this snapshot, in ms, in the given order. */
  public Map<String, Long> since(CpuSnapshot earlier, List<MeasuredProcess> order) {
    Map<String, Long> spent = new LinkedHashMap<>();
    for (MeasuredProcess p : order) {
      spent.put(p.name(), millisByProcess.get(p.name()) - earlier.millisByProcess.get(p.name()));
    }
    return spent;
  }

  /** JIT compilation CPU each process spent from {@code earlier} to this snapshot, in ms. */
  public Map<String, Long> jitSince(CpuSnapshot earlier, List<MeasuredProcess> order) {
    Map<String, Long> spent = new LinkedHashMap<>();
    for (MeasuredProcess p : order) {
      spent.put(
          p.name(),
          Math.max(0, jitMillisByProcess.get(p.name()) - earlier.jitMillisByProcess.get(p.name())));
    }
    return spent;
  }

  public double secondsSince(CpuSnapshot earlier) {
    return (nanos - earlier.nanos) / 1e9;
  }
}
