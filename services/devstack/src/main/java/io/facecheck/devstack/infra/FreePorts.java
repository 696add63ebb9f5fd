package io.facecheck.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Turns "any port" (0) into a concrete free one, for settings that must be known up front. */
public final class FreePorts {

  private FreePorts() {}

  public static int resolve(int port) {
    return port != 0 ? port : pick();
  }

  /**
   * For "any port" (0), a free port whose next {@code count - 1} ports are free too, for services
   * numbered from one base port (reconciler <i>i</i> takes base + <i>i</i>): a free base alone
   * leaves base + 1 to chance, and on a busy machine an outgoing connection's ephemeral port takes
   * it now and then.
   */
  public static int resolveRange(int port, int count) {
    if (port != 0) {
      return port;
    }
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = pick();
      boolean allFree = true;
      for (int i = 1; i < count && allFree; i++) {
        allFree = isFree(base + i);
      }
      if (allFree) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports");
  }

  private static boolean isFree(int port) {
    if (port > 65535) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
