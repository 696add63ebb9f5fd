package io.facecheck.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client of the running intake; never follows redirects (the 302 is under test). */
final class IntakeHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;

  IntakeHttp(int port) {
    this.port = port;
  }

  /** POST /v1/verifications, with {@code Authorization: Bearer token} unless token is null. */
  HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
    return http.send(
        authorized(HttpRequest.newBuilder(uri("/v1/verifications")), token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
    return http.send(
        authorized(HttpRequest.newBuilder(uri(path)), token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
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
