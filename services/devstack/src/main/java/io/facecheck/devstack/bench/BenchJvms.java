package io.facecheck.devstack.bench;

import java.util.List;

/**
 * The options each kind of JVM starts with. The services' and the simulator's default: a fixed heap
 * and the serial collector (on two cores a concurrent collector's threads compete with the work),
 * and the full JIT; chaos's quick-restart C1-only setting would overstate steady-state CPU. The
 * compiler threads stay alive, so the JIT's CPU can be read from them ({@link
 * ProcessCpu#jitCompilerMillis}).
 */
public record BenchJvms(List<String> services, List<String> simulator, List<String> kafka) {

  public static final List<String> DEFAULT_SERVICE =
      List.of(
          "-Xms256m",
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:-UseDynamicNumberOfCompilerThreads");
  public static final List<String> DEFAULT_KAFKA =
      List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads");

  public BenchJvms {
    services = List.copyOf(services);
    simulator = List.copyOf(simulator);
    kafka = List.copyOf(kafka);
  }

  public static BenchJvms defaults() {
    return new BenchJvms(DEFAULT_SERVICE, DEFAULT_SERVICE, DEFAULT_KAFKA);
  }
}
