package io.facecheck.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A merchant's return page: records every request URI it serves. */
final class ReturnPageServer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> hits = new CopyOnWriteArrayList<>();

  ReturnPageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          hits.add(exchange.getRequestURI().toString());
          byte[] body =
              "<html><body><p id=\"returned\">back at the merchant</p></body></html>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  List<String> hits() {
    return hits;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
