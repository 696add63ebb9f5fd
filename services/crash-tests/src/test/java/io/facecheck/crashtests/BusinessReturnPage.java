package io.facecheck.crashtests;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The business service's return page, in the test JVM: where a user's browser lands after intake's
 * callback redirected it. A landing proves intake answered that user's callback with its 302; the
 * page notes, per request_id, when the browser first arrived.
 */
final class BusinessReturnPage implements AutoCloseable {

  private static final String PATH = "/business/return";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final Map<String, Instant> firstLanding = new ConcurrentHashMap<>();

  private BusinessReturnPage(HttpServer server) {
    this.server = server;
  }

  static BusinessReturnPage start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    BusinessReturnPage page = new BusinessReturnPage(server);
    server.createContext(
        PATH,
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          if (query != null && query.startsWith("request=")) {
            String requestId =
                URLDecoder.decode(query.substring("request=".length()), StandardCharsets.UTF_8);
            page.firstLanding.putIfAbsent(requestId, Instant.now());
          }
          byte[] body = "thanks, you are done".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(page.threads);
    server.start();
    return page;
  }

  /**
   * The return_url a request names: http on 127.0.0.1 is what the contract allows besides https.
   */
  String urlFor(String requestId) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH + "?request=" + requestId;
  }

  /** When the request's user first landed here, or null. */
  Instant landedAt(String requestId) {
    return firstLanding.get(requestId);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
