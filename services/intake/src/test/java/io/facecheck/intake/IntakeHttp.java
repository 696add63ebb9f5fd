package io.facecheck.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client of the running intake; never follows redirects (the 302 is under test). */
final class IntakeHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Not a timed assertion: a guard so that a server holding a request (Hikari's old 30 s) fails the
   * test instead of hanging the build.
   */
  static final Duration GUARD = Duration.ofSeconds(25);

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;

  IntakeHttp(int port) {
    this.port = port;
  }

  /** POST /v1/verifications, with {@code Authorization: Bearer token} unless token is null. */
  HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
    return http.send(
        authorized(request("/v1/verifications"), token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
    return http.send(
        authorized(request(path), token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Any request, as built by the test (hostile headers, bodies, methods). */
  HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A request to {@code path} on the intake, guarded by {@link #GUARD}. */
  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(GUARD);
  }

  static String error(HttpResponse<String> response) {
    return JSON.readTree(response.body()).get("error").asString();
  }

  static List<String> fieldsAtFault(HttpResponse<String> response) {
    return JSON.readTree(response.body())
        .get("errors")
        .valueStream()
        .map(e -> e.get("field").asString())
        .toList();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }
}
