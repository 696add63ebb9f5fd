package io.facecheck.deploymentchecks.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.facecheck.deploymentchecks.support.Processes;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** deploy/docker/healthcheck.sh, the images' health check (bash only: no curl in the JRE image). */
class HealthcheckScriptTest {

  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/actuator/health/readiness",
        exchange -> {
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("UP".getBytes());
          exchange.close();
        });
    server.createContext(
        "/down",
        exchange -> {
          exchange.sendResponseHeaders(503, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void healthyOn200UnhealthyOnAnythingElseOrNoListener() throws Exception {
    String port = String.valueOf(server.getAddress().getPort());

    assertThat(check(port, "/actuator/health/readiness")).isZero();
    assertThat(check(port, "/down")).isNotZero();
    int closed;
    try (ServerSocket free = new ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    assertThat(check(String.valueOf(closed), "/actuator/health")).isNotZero();
  }

  private static int check(String port, String path) {
    return Processes.run(
            List.of(
                "bash",
                RepositoryRoot.resolve("deploy/docker/healthcheck.sh").toString(),
                port,
                path),
            RepositoryRoot.resolve("."),
            "")
        .exitCode();
  }
}
