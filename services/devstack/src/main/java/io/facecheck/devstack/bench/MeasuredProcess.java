package io.facecheck.devstack.bench;

/**
 * A process whose CPU the benchmark attributes.
 *
 * @param name what the report calls it: {@code intake}, {@code worker-1}, {@code kafka}, …
 * @param group the figure it adds to: {@code facecheck}, {@code kafka}, {@code postgres}, {@code
 *     simulator}, {@code driver}
 * @param tree whether its children count too (PostgreSQL: one backend process per connection)
 */
public record MeasuredProcess(String name, String group, long pid, boolean tree) {

  public static final String FACECHECK = "facecheck";
  public static final String KAFKA = "kafka";
  public static final String POSTGRES = "postgres";
  public static final String SIMULATOR = "simulator";
  public static final String DRIVER = "driver";

  /** CPU time so far, in ms; -1 when the process is gone. */
  public long cpuMillis() {
    return tree ? ProcessCpu.treeMillis(pid) : ProcessCpu.ownMillis(pid);
  }

  /** CPU time its JIT compiler threads spent so far, in ms (0 for PostgreSQL: no JIT there). */
  public long jitMillis() {
    return tree ? 0 : ProcessCpu.jitCompilerMillis(pid);
  }
}
