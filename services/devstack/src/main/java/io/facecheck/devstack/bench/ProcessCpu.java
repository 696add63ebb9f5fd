package io.facecheck.devstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time of a process (every thread, live or ended) or of a process tree, read from Linux's
 * {@code /proc/PID/stat} in clock ticks. A tree's time is, over every live process in it, its own
 * user and system time plus that of its children it already reaped ({@code cutime}, {@code
 * cstime}): a PostgreSQL backend that exited during the run still counts, once, through the
 * postmaster that waited for it.
 */
public final class ProcessCpu {

  /** USER_HZ: what /proc counts in; 100 on every mainstream Linux build. */
  static final long TICKS_PER_SECOND = 100;

  // fields after the command's closing parenthesis, 0-based from field 3 (state)
  private static final int UTIME = 14 - 3;
  private static final int STIME = 15 - 3;
  private static final int CUTIME = 16 - 3;
  private static final int CSTIME = 17 - 3;

  private ProcessCpu() {}

  /** The process's own CPU time (every thread), in ms; -1 when it is gone. */
  public static long ownMillis(long pid) {
    String stat = read(pid);
    return stat == null ? -1 : toMillis(ownTicks(stat));
  }

  /** CPU time of {@code pid} and everything under it, ended children included, in ms. */
  public static long treeMillis(long pid) {
    String rootStat = read(pid);
    if (rootStat == null) {
      return -1;
    }
    long ticks = ownTicks(rootStat) + reapedChildrenTicks(rootStat);
    for (long child : descendants(pid)) {
      String stat = read(child);
      if (stat != null) { // it may end between listing and reading
        ticks += ownTicks(stat) + reapedChildrenTicks(stat);
      }
    }
    return toMillis(ticks);
  }

  /**
   * CPU time the JVM's JIT compiler threads of {@code pid} spent so far, in ms (0 when it has none,
   * e.g. PostgreSQL): a one-time cost of warming up, reported apart from the steady state. HotSpot
   * names them {@code C1 CompilerThreadN} and {@code C2 CompilerThreadN}; Linux keeps 15
   * characters. A compiler thread that ended takes its time out of this sum (not out of the
   * process's), so the benchmark keeps them alive ({@code -XX:-UseDynamicNumberOfCompilerThreads}).
   */
  public static long jitCompilerMillis(long pid) {
    long ticks = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        String stat = readOrNull(task.resolve("stat"));
        if (stat != null && isJitCompilerThread(stat)) {
          ticks += ownTicks(stat);
        }
      }
    } catch (NoSuchFileException e) {
      return 0; // gone: the process's own figure says so
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the threads of process " + pid, e);
    }
    return toMillis(ticks);
  }

  static boolean isJitCompilerThread(String stat) {
    String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return command.startsWith("C1 CompilerThre") || command.startsWith("C2 CompilerThre");
  }

  private static String readOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null; // the thread ended between listing and reading
    }
  }

  static long ownTicks(String stat) {
    String[] f = fields(stat);
    return Long.parseLong(f[UTIME]) + Long.parseLong(f[STIME]);
  }

  static long reapedChildrenTicks(String stat) {
    String[] f = fields(stat);
    return Long.parseLong(f[CUTIME]) + Long.parseLong(f[CSTIME]);
  }

  /** The command name may hold spaces and parentheses: the fields start after the last ')'. */
  private static String[] fields(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("not a /proc/PID/stat line");
    }
    return stat.substring(end + 1).trim().split("\\s+");
  }

  static long toMillis(long ticks) {
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  private static long[] descendants(long pid) {
    return ProcessHandle.of(pid).stream()
        .flatMap(ProcessHandle::descendants)
        .mapToLong(ProcessHandle::pid)
        .toArray();
  }

  private static String read(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      if (!Files.exists(Path.of("/proc", Long.toString(pid)))) {
        return null;
      }
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
  }

  /** Whether this machine has {@code /proc} to read (Linux). */
  public static boolean available() {
    return Files.isReadable(Path.of("/proc/self/stat"));
  }
}
