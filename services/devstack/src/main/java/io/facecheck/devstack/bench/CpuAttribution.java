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
    Map<String, Double> jitPerVerificationByGroup,
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
      Map<String, Long> jitMillis,
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
    Map<String, Double> jitByGroup = new LinkedHashMap<>();
    GROUPS.forEach(g -> jitByGroup.put(g, 0.0));
    for (MeasuredProcess p : processes) {
      if (!p.group().equals(MeasuredProcess.DRIVER)) {
        jitByGroup.merge(
            p.group(), (double) jitMillis.getOrDefault(p.name(), 0L) / verifications, Double::sum);
      }
    }
    double utilisation = 100.0 * boxMillis / (windowSeconds * 1000 * cores);
    return new CpuAttribution(
        windowSeconds, Map.copyOf(spentMillis), byProcess, byGroup, jitByGroup, utilisation);
  }

  /**
   * Per verification, what each group spends once warm: its CPU less its JIT compilation over the
   * window and less what it spends idle outside the JIT ({@code idleWithoutJitPerSecond}), never
   * below 0. A JVM's compiler threads keep working for minutes after start on two cores, a cost
   * that a service running for days does not pay per verification.
   */
  Map<String, Double> perVerificationSteady(
      Map<String, Double> idleWithoutJitPerSecond, int verifications) {
    Map<String, Double> steady = new LinkedHashMap<>();
    double box = 0;
    for (String group : GROUPS) {
      double idleEach =
          idleWithoutJitPerSecond.getOrDefault(group, 0.0) * windowSeconds / verifications;
      double value =
          Math.max(
              0,
              perVerificationByGroup.get(group) - jitPerVerificationByGroup.get(group) - idleEach);
      steady.put(group, value);
      box += value;
    }
    steady.put(BOX, box);
    return steady;
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
