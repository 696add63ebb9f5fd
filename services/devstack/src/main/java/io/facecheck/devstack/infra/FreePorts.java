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

  private static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
