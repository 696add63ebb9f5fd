package io.facecheck.devstack.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** One service's {@code /actuator/prometheus}, fetched and reduced to its series names. */
record PrometheusScrape(String service, String text) {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static PrometheusScrape of(String service, int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(service + " answered " + response.statusCode());
      }
      PrometheusScrape scrape = new PrometheusScrape(service, response.body());
      // kept for whoever reads a failure: what the service actually exposed
      Path dir = Path.of("target", "prometheus-scrapes");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(service + ".txt"), scrape.text);
      return scrape;
    } catch (IOException e) {
      throw new AssertionError(service + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The names of the series with at least one sample (comment lines skipped). */
  Set<String> seriesNames() {
    Set<String> names = new HashSet<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
        end++;
      }
      names.add(line.substring(0, end));
    }
    return names;
  }
}
