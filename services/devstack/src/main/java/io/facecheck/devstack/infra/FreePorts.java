package io.facecheck.devstack.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns "any port" (0) into a concrete free one, for settings that must be known up front.
 *
 * <p>A port is only known free when it is checked, and the service binds it seconds later. A port
 * the kernel hands out for "any port" comes from the ephemeral range, which every outgoing
 * connection (Kafka clients, JDBC, HTTP) draws from too, so on a busy machine one of them takes it
 * in between now and then and the service fails to start. Ports are therefore picked below that
 * range, where only a listener asking for that very number can take them.
 */
public final class FreePorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 10_000;
  private static final int DEFAULT_EPHEMERAL_START = 32_768;
  private static final int ATTEMPTS = 1_000;

  private FreePorts() {}

  public static int resolve(int port) {
    return resolveRange(port, 1);
  }

  /**
   * For "any port" (0), a free port whose next {@code count - 1} ports are free too, for services
   * numbered from one base port (reconciler <i>i</i> takes base + <i>i</i>).
   */
  public static int resolveRange(int port, int count) {
    if (port != 0) {
      return port;
    }
    int below = ephemeralStart();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int base = random.nextInt(LOWEST, below - count);
      boolean allFree = true;
      for (int i = 0; i < count && allFree; i++) {
        allFree = isFree(base + i);
      }
      if (allFree) {
        return base;
      }
    }
    throw new IllegalStateException(
        "no " + count + " consecutive free ports between " + LOWEST + " and " + below);
  }

  /** Where the kernel starts handing out ports for outgoing connections. */
  static int ephemeralStart() {
    try {
      String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
      int start = Integer.parseInt(range[0]);
      // a range that starts too low leaves no room below it: take the usual one instead
      return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_START;
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
