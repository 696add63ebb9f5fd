package io.facecheck.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium driven through chromedriver's W3C WebDriver HTTP API, with no extra library.
 * Public, in this module's test-jar, for the other browser checks (the devstack's demo report).
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Process driver;
  private final String base;
  private final String session;
  private final Path profile;

  private HeadlessChromium(Process driver, String base, String session, Path profile) {
    this.driver = driver;
    this.base = base;
    this.session = session;
    this.profile = profile;
  }

  /**
   * Debian's chromium and chromium-driver (paths overridable with CHROME_BIN, CHROMEDRIVER). In CI
   * (CI=true; .ci/run installs them) their absence fails the caller; elsewhere it skips with a
   * message saying what to install, so a machine with only a JDK still passes the build.
   */
  public static HeadlessChromium startOrSkip(String test) throws Exception {
    return start(
        executable(test, "CHROME_BIN", "/usr/bin/chromium"),
        executable(test, "CHROMEDRIVER", "/usr/bin/chromedriver"));
  }

  static Path executable(String test, String envVariable, String fallback) {
    String configured = System.getenv(envVariable);
    Path path = Path.of(configured != null && !configured.isBlank() ? configured : fallback);
    if (Files.isExecutable(path)) {
      return path;
    }
    String message =
        path
            + " not found: install Debian's chromium and chromium-driver"
            + " (apt-get install -y chromium chromium-driver) or set "
            + envVariable;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("required in CI: " + message);
    }
    // the reason in the build log too, not only in the test report
    System.err.println(test + " skipped outside CI: " + message);
    return Assumptions.abort("skipped outside CI: " + message);
  }

  public static HeadlessChromium start(Path chromium, Path chromedriver) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String base = "http://127.0.0.1:" + port;
    Path profile = Files.createTempDirectory("facecheck-chromium");
    HeadlessChromium browser = null;
    try {
      awaitReady(base);
      Map<String, Object> capabilities =
          Map.of(
              "capabilities",
              Map.of(
                  "alwaysMatch",
                  Map.of(
                      "browserName",
                      "chrome",
                      "goog:chromeOptions",
                      Map.of(
                          "binary",
                          chromium.toString(),
                          "args",
                          List.of(
                              "--headless",
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-dev-shm-usage",
                              "--disable-quic",
                              "--no-first-run",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync",
                              "--user-data-dir=" + profile)))));
      JsonNode created = post(HttpClient.newHttpClient(), base + "/session", capabilities);
      browser =
          new HeadlessChromium(process, base, created.at("/value/sessionId").asString(), profile);
      return browser;
    } finally {
      if (browser == null) {
        process.destroyForcibly();
      }
    }
  }

  public void open(String url) throws Exception {
    post(http, session("/url"), Map.of("url", url));
  }

  public void click(String cssSelector) throws Exception {
    JsonNode found =
        post(http, session("/element"), Map.of("using", "css selector", "value", cssSelector));
    JsonNode reference = found.get("value").get(ELEMENT_KEY);
    if (reference == null) {
      throw new IllegalStateException("no element reference in " + found);
    }
    String element = reference.asString();
    post(http, session("/element/" + element + "/click"), Map.of());
  }

  public String currentUrl() throws Exception {
    return get(session("/url")).get("value").asString();
  }

  public String pageSource() throws Exception {
    return get(session("/source")).get("value").asString();
  }

  /** Runs {@code script} (a function body: {@code return …}) in the page; its result as JSON. */
  public JsonNode execute(String script) throws Exception {
    return post(http, session("/execute/sync"), Map.of("script", script, "args", List.of()))
        .get("value");
  }

  @Override
  public void close() throws Exception {
    try {
      http.send(
          HttpRequest.newBuilder(URI.create(base + "/session/" + session)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } finally {
      driver.destroy();
      if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
      try (var paths = Files.walk(profile)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private String session(String path) {
    return base + "/session/" + session + path;
  }

  private JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    return checked(response);
  }

  private static JsonNode post(HttpClient client, String url, Object body) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return checked(response);
  }

  private static JsonNode checked(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "webdriver answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static void awaitReady(String base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> status =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() == 200
            && JSON.readTree(status.body()).at("/value/ready").asBoolean()) {
          return;
        }
      } catch (IOException notYet) {
        // chromedriver is still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("chromedriver did not become ready at " + base);
  }
}
