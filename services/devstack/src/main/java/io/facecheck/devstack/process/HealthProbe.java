package io.facecheck.devstack.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for a child JVM's Spring Boot health endpoint to say UP, or for the child to die. */
public final class HealthProbe {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration POLL = Duration.ofMillis(500);

  private HealthProbe() {}

  /**
   * Returns once {@code health} answers 200 with status UP.
   *
   * @param child the process behind it, asked again each turn (a supervisor may restart it)
   * @throws IllegalStateException when the child exits or {@code timeout} passes, with its log tail
   */
  public static void awaitUp(URI health, Duration timeout, Supplier<ChildJvm> child) {
    Instant deadline = Instant.now().plus(timeout);
    while (!isUp(health)) {
      ChildJvm current = child.get();
      current.assertAlive();
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            current.name() + " did not become healthy:\n" + current.logTail(40));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static boolean isUp(URI health) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
