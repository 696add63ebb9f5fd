package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.testinfra.WholeTopicReader.after;
import static io.facecheck.testinfra.WholeTopicReader.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.intake.callback.RecentReturns;
import io.facecheck.statemachine.Verification;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake side of a callback flood: a return URL fetched again and again (reloads, a replaying
 * attacker) is published once and redirected every time; forged tokens cost no memory.
 */
class CallbackReplayIT extends LiveIntake {

  // the return_url the stored request carries, as the worker puts it in the token
  private static final String BUSINESS_URL = "https://loan.example/kyc/done";
  private static final int GETS = 1_000;

  @Autowired RecentReturns recentReturns;

  @Test
  void publishesAThousandGetsOfOneReturnUrlOnceAndRedirectsEachOne() throws Exception {
    Verification v =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-flood-1")));
    String url =
        "/v1/callbacks/alipay/return?token="
            + new CallbackToken(CALLBACK_SECRET)
                .issue(v.id(), Instant.now().plusSeconds(600), BUSINESS_URL);
    var mark = callbacks.mark();

    List<HttpResponse<String>> responses = new ArrayList<>();
    // concurrent, as a flood is: the first claim must be atomic
    ExecutorService browsers = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> gets = new ArrayList<>();
      for (int i = 0; i < GETS; i++) {
        gets.add(browsers.submit(() -> intake.get(null, url)));
      }
      for (Future<HttpResponse<String>> get : gets) {
        responses.add(get.get());
      }
    } finally {
      browsers.shutdownNow();
    }

    Map<Integer, Long> statuses =
        responses.stream()
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    assertThat(statuses).isEqualTo(Map.of(302, (long) GETS));
    assertThat(responses)
        .allSatisfy(r -> assertThat(r.headers().firstValue("Location")).contains(BUSINESS_URL));
    // every GET was answered after Kafka acknowledged what it published: the topic holds it all
    List<ConsumerRecord<byte[], byte[]>> published = callbacks.readToEnd(after(mark));
    System.out.printf(
        "%,d GETs of one return URL published %d callback(s)%n", GETS, published.size());
    assertThat(published).hasSize(1);
    assertThat(key(published.get(0))).isEqualTo(v.id().toString());
  }

  @Test
  void remembersNothingAndPublishesNothingForAFloodOfForgedTokens() throws Exception {
    CallbackToken forger = new CallbackToken("an-attackers-secret-of-32-bytes-or-more");
    int remembered = recentReturns.size();
    var mark = callbacks.mark();

    for (int i = 0; i < 200; i++) {
      String forged = forger.issue(UUID.randomUUID(), Instant.now().plusSeconds(600), BUSINESS_URL);
      assertThat(intake.get(null, "/v1/callbacks/alipay/return?token=" + forged).statusCode())
          .isEqualTo(403);
    }

    assertThat(recentReturns.size()).isEqualTo(remembered);
    assertNothingPublished(callbacks, mark);
  }
}
