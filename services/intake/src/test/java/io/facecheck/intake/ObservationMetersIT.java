package io.facecheck.intake;

import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.requestJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.statemachine.Verification;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user's return makes the meters docs/metrics.md lists and no others from its observations: the
 * HTTP server timer stays, its long-task timer and the Kafka send's timer are not made (issue 9:
 * each was a lookup and a recording per return that nothing scraped).
 */
class ObservationMetersIT extends LiveIntake {

  @Autowired MeterRegistry meters;

  @Test
  void aReturnKeepsTheHttpTimerAndMakesNoUnreadMeters() throws Exception {
    Verification v =
        verifications.awaitingUser(verifications.stored(requestJson(CLIENT, "it-meters-1")));
    String token = new CallbackToken(CALLBACK_SECRET).issue(v.id(), Instant.now().plusSeconds(600));
    var mark = callbacks.mark();

    HttpResponse<String> response = intake.get(null, "/v1/callbacks/alipay/return?token=" + token);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(callbacks.since(mark, 1, PATIENCE)).hasSize(1); // the send was observed too
    assertThat(
            meters.find("http.server.requests").tag("uri", "/v1/callbacks/alipay/return").timer())
        .isNotNull();
    assertThat(meters.getMeters())
        .extracting(meter -> meter.getId().getName())
        .doesNotContain("http.server.requests.active")
        .noneMatch(name -> name.startsWith("spring.kafka.") || name.startsWith("facecheck.outbox"));
  }
}
