package io.facecheck.devstack.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every measured process's CPU time at one moment. */
public record CpuSnapshot(long nanos, Map<String, Long> millisByProcess) {

  public static CpuSnapshot take(List<MeasuredProcess> processes) {
    Map<String, Long> millis = new LinkedHashMap<>();
    for (MeasuredProcess p : processes) {
      long ms = p.cpuMillis();
      if (ms < 0) {
        throw new IllegalStateException(p.name() + " (pid " + p.pid() + ") is gone");
      }
      millis.put(p.name(), ms);
    }
    return new CpuSnapshot(System.nanoTime(), Map.copyOf(millis));
  }

  /** CPU each process spent from {@code earlier} to this snapshot, in ms, in the given order. */
  public Map<String, Long> since(CpuSnapshot earlier, List<MeasuredProcess> order) {
    Map<String, Long> spent = new LinkedHashMap<>();
    for (MeasuredProcess p : order) {
      spent.put(p.name(), millisByProcess.get(p.name()) - earlier.millisByProcess.get(p.name()));
    }
    return spent;
  }

  public double secondsSince(CpuSnapshot earlier) {
    return (nanos - earlier.nanos) / 1e9;
  }
}
