package io.facecheck.crashtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A business service POSTing requests to intake the way a careful client would: a 503 is retried
 * after its {@code Retry-After}; any other 5xx, or no answer within {@link #ANSWER_TIMEOUT}, is
 * retried after a second too, so that every request lands in the end, but each such attempt is
 * noted as a fault of intake's. Every attempt is kept for the checks and the figures.
 */
final class IntakeDoor {

  /**
   * Longer than Hikari's 30 s connection timeout, so that an intake that waits for it is seen
   * answering (500), not merely timing out.
   */
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(40);

  private static final Duration RETRY_AFTER_FAULT = Duration.ofSeconds(1);

  /**
   * One POST: {@code status} null when no answer came within {@link #ANSWER_TIMEOUT}.
   *
   * @param retryAfter the {@code Retry-After} header, when the answer had one
   */
  record Attempt(
      String requestId, Instant sentAt, Duration took, Integer status, String retryAfter) {

    boolean accepted() {
      return status != null && (status == 202 || status == 200);
    }

    /** What the issue allows intake to answer while PostgreSQL is away besides a 2xx. */
    boolean isServiceUnavailableWithRetryAfter() {
      return status != null && status == 503 && retryAfter != null;
    }

    /** A 5xx other than 503 with Retry-After, or no answer at all. */
    boolean isFault() {
      return status == null || (status >= 500 && !isServiceUnavailableWithRetryAfter());
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI endpoint;
  private final String bearerToken;
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

  IntakeDoor(String intakeUrl, String bearerToken) {
    this.endpoint = URI.create(intakeUrl + "/v1/verifications");
    this.bearerToken = bearerToken;
  }

  /**
   * POSTs until intake accepts the request (202, or 200 for one it recorded already) or {@code
   * giveUpAt} passes; a 4xx other than those ends it at once (a broken request, not an outage).
   *
   * @return the last attempt
   */
  Attempt submit(RequestBatch.Request request, Instant giveUpAt) throws InterruptedException {
    while (true) {
      Attempt attempt = post(request);
      attempts.add(attempt);
      boolean retry =
          attempt.status() == null || attempt.status() >= 500 || attempt.status() == 429;
      if (!retry || Instant.now().isAfter(giveUpAt)) {
        return attempt;
      }
      Thread.sleep(pauseBefore(attempt).toMillis());
    }
  }

  List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  private Attempt post(RequestBatch.Request request) throws InterruptedException {
    HttpRequest post =
        HttpRequest.newBuilder(endpoint)
            .timeout(ANSWER_TIMEOUT)
            .header("Authorization", "Bearer " + bearerToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.json()))
            .build();
    Instant sentAt = Instant.now();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = http.send(post, HttpResponse.BodyHandlers.discarding());
      return new Attempt(
          request.requestId(),
          sentAt,
          Duration.ofNanos(System.nanoTime() - start),
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null));
    } catch (IOException e) {
      // HttpTimeoutException (no answer in time) or a broken connection: no answer either way
      return new Attempt(
          request.requestId(), sentAt, Duration.ofNanos(System.nanoTime() - start), null, null);
    }
  }

  /** Retry-After in seconds when given (capped at 10 s to keep the run short), else a second. */
  private static Duration pauseBefore(Attempt attempt) {
    return Optional.ofNullable(attempt.retryAfter())
        .flatMap(IntakeDoor::seconds)
        .map(s -> Duration.ofSeconds(Math.min(Math.max(s, 0), 10)))
        .orElse(RETRY_AFTER_FAULT);
  }

  private static Optional<Long> seconds(String retryAfter) {
    try {
      return Optional.of(Long.parseLong(retryAfter.trim()));
    } catch (NumberFormatException httpDate) {
      return Optional.empty();
    }
  }
}
