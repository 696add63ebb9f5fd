package io.facecheck.devstack.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU spent over the measured window, per process and per group, divided by the verifications
 * measured. {@code box} is what the pipeline costs the machine: facecheck, the broker, PostgreSQL
 * and the simulator with its users; the driver (this JVM: producing requests, reading results) is
 * reported apart and left out of it.
 */
record CpuAttribution(
    double windowSeconds,
    Map<String, Long> millisByProcess,
    Map<String, Double> perVerificationByProcess,
    Map<String, Double> perVerificationByGroup,
    double machineUtilisationPercent) {

  static final String BOX = "box";
  static final List<String> GROUPS =
      List.of(
          MeasuredProcess.FACECHECK,
          MeasuredProcess.KAFKA,
          MeasuredProcess.POSTGRES,
          MeasuredProcess.SIMULATOR);

  static CpuAttribution of(
      List<MeasuredProcess> processes,
      Map<String, Long> spentMillis,
      int verifications,
      double windowSeconds,
      int cores) {
    if (verifications < 1 || windowSeconds <= 0) {
      throw new IllegalArgumentException("nothing measured");
    }
    Map<String, Double> byProcess = new LinkedHashMap<>();
    Map<String, Double> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(g -> byGroup.put(g, 0.0));
    byGroup.put(BOX, 0.0);
    byGroup.put(MeasuredProcess.DRIVER, 0.0);
    long boxMillis = 0;
    for (MeasuredProcess p : processes) {
      long ms = spentMillis.get(p.name());
      double each = (double) ms / verifications;
      byProcess.put(p.name(), each);
      byGroup.merge(p.group(), each, Double::sum);
      if (!p.group().equals(MeasuredProcess.DRIVER)) {
        byGroup.merge(BOX, each, Double::sum);
        boxMillis += ms;
      }
    }
    double utilisation = 100.0 * boxMillis / (windowSeconds * 1000 * cores);
    return new CpuAttribution(
        windowSeconds, Map.copyOf(spentMillis), byProcess, byGroup, utilisation);
  }

  /**
   * Per verification, each group's CPU less what it would have spent idle over the window (at
   * {@code idlePerSecond}), never below 0: the background (consumer polls, heartbeats, scheduled
   * scans) is a cost per second, not per verification, and over a short run, or the abandoning
   * users' TTL tail, it would otherwise dominate.
   */
  Map<String, Double> perVerificationNetOfIdle(
      Map<String, Double> idlePerSecond, int verifications) {
    Map<String, Double> net = new LinkedHashMap<>();
    double box = 0;
    for (String group : GROUPS) {
      double idleEach = idlePerSecond.getOrDefault(group, 0.0) * windowSeconds / verifications;
      double value = Math.max(0, perVerificationByGroup.get(group) - idleEach);
      net.put(group, value);
      box += value;
    }
    net.put(BOX, box);
    return net;
  }

  /** CPU per second of each group while nothing was asked of the pipeline, in ms. */
  static Map<String, Double> idlePerSecond(
      List<MeasuredProcess> processes, Map<String, Long> spentMillis, double seconds) {
    Map<String, Double> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(g -> byGroup.put(g, 0.0));
    for (MeasuredProcess p : processes) {
      if (!p.group().equals(MeasuredProcess.DRIVER)) {
        byGroup.merge(p.group(), spentMillis.get(p.name()) / seconds, Double::sum);
      }
    }
    return byGroup;
  }
}
