package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.testinfra.WholeTopicReader.after;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.statemachine.Verification;
import io.facecheck.testinfra.WholeTopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Intake while its real PostgreSQL is frozen (SIGSTOP, postmaster and backends). Users coming back
 * from Alipay are recorded and sent on; requests are refused fast with 503 and Retry-After (never
 * held for Hikari's 30 s, never a 500); after SIGCONT requests are accepted again.
 */
class PostgresPauseIT extends LiveIntake {

  private static final String BUSINESS_URL = "https://loan.example/kyc/done?from=token";

  @Test
  void recordsReturnsAndRefusesRequestsFastWhilePostgresIsPaused() throws Exception {
    Verification carried =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-pause-v2")));
    Verification looked =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-pause-v1")));
    CallbackToken tokens = new CallbackToken(CALLBACK_SECRET);
    Instant notAfter = Instant.now().plusSeconds(600);
    String v2Token = tokens.issue(carried.id(), notAfter, BUSINESS_URL);
    String v1Token = tokens.issue(looked.id(), notAfter);
    // a warm pool: the pause leaves these idle connections open and silent
    assertThat(intake.post(LOAN_TOKEN, requestJson(CLIENT, "it-pause-warm")).statusCode())
        .isEqualTo(202);
    var callbackMark = callbacks.mark();
    var requestMark = requests.mark();

    try (PausedPostgres paused = PausedPostgres.pause(dataSource)) {
      HttpResponse<String> redirect = timed("v2 return", () -> callback(v2Token));
      HttpResponse<String> page = timed("v1 return", () -> callback(v1Token));
      HttpResponse<String> post =
          timed("POST", () -> intake.post(LOAN_TOKEN, requestJson(CLIENT, "it-pause-new")));
      HttpResponse<String> status =
          timed("status", () -> intake.get(LOAN_TOKEN, "/v1/verifications/it-pause-v2"));
      long burstStart = System.nanoTime();
      List<Integer> burst = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        burst.add(intake.post(LOAN_TOKEN, requestJson(CLIENT, "it-pause-burst-" + i)).statusCode());
      }
      System.out.printf(
          "PostgreSQL paused: 50 more POSTs answered in %d ms%n",
          (System.nanoTime() - burstStart) / 1_000_000);

      assertThat(redirect.statusCode()).isEqualTo(302);
      assertThat(redirect.headers().firstValue("Location")).contains(BUSINESS_URL);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
      assertThat(page.body()).contains("return to the app");
      assertThat(post.statusCode()).isEqualTo(503);
      assertThat(post.headers().firstValue("Retry-After")).isPresent();
      assertThat(IntakeHttp.error(post)).isEqualTo("unavailable");
      assertThat(status.statusCode()).isEqualTo(503);
      assertThat(status.headers().firstValue("Retry-After")).isPresent();
      assertThat(burst).containsOnly(503);
      // both returns are on the topic while PostgreSQL is still frozen
      List<ConsumerRecord<byte[], byte[]>> published =
          callbacks.awaitMatching(after(callbackMark), 2);
      assertThat(published.stream().map(WholeTopicReader::key).collect(Collectors.toSet()))
          .isEqualTo(Set.of(carried.id().toString(), looked.id().toString()));
      assertThat(published).hasSize(2);
      assertNothingPublished(requests, requestMark);
      System.out.printf("paused %d PostgreSQL processes%n", paused.processes());
    }

    // resumed: the pool recovers by itself and the refused request is accepted on a retry
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> intake.post(LOAN_TOKEN, requestJson(CLIENT, "it-pause-new")).statusCode() == 202);
  }

  private HttpResponse<String> callback(String token) throws Exception {
    return intake.get(null, "/v1/callbacks/alipay/return?token=" + token);
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  /** Measures, does not assert: the figure goes to the test output and the README. */
  private static HttpResponse<String> timed(String what, Call call) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = call.send();
    System.out.printf(
        "PostgreSQL paused: %s answered %d in %d ms%n",
        what, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
    return response;
  }
}
