package io.facecheck.devstack.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The control surface of a restartable stack, on localhost only: {@code POST
 * /kafka/stop|kill|start} and {@code POST /postgres/stop|start|pause|resume}, {@code GET /status}.
 * Each POST answers once the action is done (a start, once the server answers), so a script can
 * chain them with curl.
 */
public final class InfraControl implements AutoCloseable {

  private final HttpServer server;

  private InfraControl(HttpServer server) {
    this.server = server;
  }

  public static InfraControl start(int port, KafkaProcess kafka, Postgres postgres) {
    Map<String, Runnable> actions = new LinkedHashMap<>();
    actions.put("/kafka/stop", kafka::stop);
    actions.put("/kafka/kill", kafka::kill);
    actions.put("/kafka/start", kafka::start);
    actions.put("/postgres/stop", postgres::stop);
    actions.put("/postgres/start", postgres::startAgain);
    actions.put("/postgres/pause", postgres::pause);
    actions.put("/postgres/resume", postgres::resume);
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      // one action at a time, in the order asked
      server.setExecutor(Executors.newSingleThreadExecutor());
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              handle(exchange, actions, kafka, postgres);
            }
          });
      server.start();
      return new InfraControl(server);
    } catch (IOException e) {
      throw new UncheckedIOException("could not listen on control port " + port, e);
    }
  }

  private static void handle(
      HttpExchange exchange, Map<String, Runnable> actions, KafkaProcess kafka, Postgres postgres)
      throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if ("GET".equals(method) && "/status".equals(path)) {
      reply(
          exchange,
          200,
          "{\"kafka\": \""
              + (kafka.isRunning() ? "running" : "stopped")
              + "\", \"postgres\": \""
              + (postgres.isRunning() ? "running" : "stopped")
              + "\"}");
      return;
    }
    Runnable action = actions.get(path);
    if (action == null || !"POST".equals(method)) {
      reply(exchange, 404, "{\"error\": \"POST one of " + actions.keySet() + ", or GET /status\"}");
      return;
    }
    try {
      action.run();
      reply(exchange, 200, "{\"done\": \"" + path + "\"}");
    } catch (RuntimeException e) {
      reply(
          exchange,
          409,
          "{\"error\": \"" + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = (json + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
