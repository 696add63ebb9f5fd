package io.facecheck.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.devstack.demo.ResultWatcher;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.WholeTopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A callback flood end to end: a browser (or an attacker holding one valid return URL) GETs it a
 * thousand times while the user's verification waits for its answer. Every GET lands on the
 * business return_url, and the whole flood costs at most two Alipay queries, counted by the
 * simulator. The ladder's first step is 10 minutes away, so only the return can cause a query.
 */
class FloodedReturnIT {

  private static final String QUERY = "alipay.user.certify.open.query";
  private static final int GETS = 1_000;

  @Test
  void aThousandGetsOfOneReturnUrlCostAtMostTwoAlipayQueries() throws Exception {
    StackSettings settings =
        new StackSettings(
            0,
            0,
            0,
            0,
            0,
            0,
            3,
            Files.createTempDirectory("facecheck-flood"),
            Scenario.none().withSeed(3),
            List.of(Duration.ofMinutes(10)),
            1,
            0,
            Clock.systemUTC(),
            Map.of());
    List<VerificationResult> events = new CopyOnWriteArrayList<>();
    try (Stack stack = Stack.startAll(settings);
        ResultWatcher watcher =
            new ResultWatcher(stack.bootstrapServers(), (event, nanos) -> events.add(event))) {
      PipelineRun run = new PipelineRun(stack);
      run.post(1);
      VerificationResult issued =
          await("certify URL issued")
              .atMost(Duration.ofMinutes(2))
              .until(() -> first(events, ResultType.CERTIFY_URL_ISSUED), r -> r != null);
      String certifyId = PipelineOutcome.certifyId(issued.certifyUrl());
      // the user passes at Alipay; the browser's return is what the flood replays
      stack.simulator().complete(certifyId, true, false);
      long queriesBefore = stack.simulator().stats().total(QUERY);
      String businessUrl = stack.intakeUrl() + "/actuator/health";
      String token =
          new CallbackToken(stack.secrets().callbackSecret())
              .issue(issued.verificationId(), Instant.now().plusSeconds(3600), businessUrl);

      List<Integer> statuses = flood(stack.intakeUrl(), token);

      await("PASSED")
          .atMost(Duration.ofMinutes(2))
          .until(() -> first(events, ResultType.PASSED), r -> r != null);
      long queries = stack.simulator().stats().total(QUERY) - queriesBefore;
      long callbacks =
          WholeTopicReader.readAll(stack.bootstrapServers(), Topics.CALLBACKS).stream()
              .filter(r -> PipelineOutcome.key(r).equals(issued.verificationId().toString()))
              .count();
      System.out.printf(
          "flooded return: %d GETs -> %d callback records, %d Alipay queries%n",
          GETS, callbacks, queries);
      assertThat(statuses).hasSize(GETS).containsOnly(302);
      assertThat(queries).isBetween(1L, 2L);
      assertThat(callbacks).isBetween(1L, 2L);
      assertThat(events)
          .filteredOn(VerificationResult::isFinal)
          .singleElement()
          .satisfies(e -> assertThat(e.status()).isEqualTo(ResultStatus.PASSED));
    }
  }

  private static List<Integer> flood(String intakeUrl, String token) {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create(intakeUrl + "/v1/callbacks/alipay/return?token=" + token))
            .GET()
            .build();
    List<CompletableFuture<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < GETS; i++) {
      sent.add(
          http.sendAsync(get, HttpResponse.BodyHandlers.discarding())
              .thenApply(HttpResponse::statusCode));
    }
    return sent.stream().map(CompletableFuture::join).toList();
  }

  private static VerificationResult first(List<VerificationResult> events, ResultType type) {
    return events.stream().filter(e -> e.type() == type).findFirst().orElse(null);
  }
}
