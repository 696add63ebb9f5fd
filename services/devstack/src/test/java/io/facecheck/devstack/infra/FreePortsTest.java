package io.facecheck.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void aRangeForAnyPortIsFreeThroughout() throws IOException {
    int base = FreePorts.resolveRange(0, 3);

    for (int port = base; port < base + 3; port++) {
      try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertThat(bound.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void anyPortLiesBelowThePortsOutgoingConnectionsUse() {
    for (int i = 0; i < 50; i++) {
      assertThat(FreePorts.resolve(0)).isBetween(10_000, FreePorts.ephemeralStart() - 1);
    }
  }

  @Test
  void aFixedPortStaysAsGiven() {
    assertThat(FreePorts.resolveRange(8082, 2)).isEqualTo(8082);
  }
}
