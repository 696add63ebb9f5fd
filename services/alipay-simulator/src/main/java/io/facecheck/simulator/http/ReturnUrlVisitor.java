package io.facecheck.simulator.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Opens a return_url as the user's browser would after the 302: a GET that follows redirects. */
public final class ReturnUrlVisitor {
  /** The status the return_url answered, or why it could not be reached. */
  public record Visit(Integer status, String error) {
    public boolean succeeded() {
      return status != null && status < 400;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public CompletableFuture<Visit> visit(String url) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(15))
              .header("User-Agent", "facecheck-alipay-simulator (automatic user)")
              .GET()
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(new Visit(null, "invalid return_url"));
    }
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, error) ->
                error == null
                    ? new Visit(response.statusCode(), null)
                    : new Visit(
                        null, String.valueOf(error.getCause() != null ? error.getCause() : error)));
  }
}
