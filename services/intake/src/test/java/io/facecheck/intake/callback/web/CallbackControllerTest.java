package io.facecheck.intake.callback.web;

import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.intake.FakeLookup;
import io.facecheck.intake.callback.CallbackReceiver;
import io.facecheck.intake.callback.RecentReturns;
import io.facecheck.intake.metrics.IntakeMetrics;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class CallbackControllerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:05:00Z");

  private final CallbackToken tokens = new CallbackToken("a-callback-secret-of-32-bytes-or-more");
  private final Verification waiting =
      verification(CLIENT, "order-1", "a".repeat(64), VerificationStatus.AWAITING_USER);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final IntakeMetrics metrics = new IntakeMetrics(meters);
  private final CallbackController controller =
      new CallbackController(
          new CallbackReceiver(
              tokens,
              new FakeLookup().with(waiting),
              callback -> {},
              new RecentReturns(100),
              Clock.fixed(NOW, ZoneOffset.UTC),
              UUID::randomUUID),
          metrics);

  private int status(String token) {
    return controller.alipayReturn(token).getStatusCode().value();
  }

  @Test
  void redirectsAValidReturnWith302ToTheReturnUrl() {
    ResponseEntity<?> response = controller.alipayReturn(tokens.issue(waiting.id(), NOW));

    assertThat(response.getStatusCode().value()).isEqualTo(302);
    assertThat(response.getHeaders().getLocation())
        .hasToString("https://loan.example/kyc/done?order=42");
  }

  @Test
  void answersEachRefusalWithItsOwnStatus() {
    String valid = tokens.issue(waiting.id(), NOW.plusSeconds(60));
    String altered =
        valid.substring(0, 40) + (valid.charAt(40) == 'A' ? 'B' : 'A') + valid.substring(41);

    assertThat(status(null)).isEqualTo(400);
    assertThat(status("not-a-token")).isEqualTo(400);
    assertThat(status(altered)).isEqualTo(403);
    assertThat(status(tokens.issue(waiting.id(), NOW.minusSeconds(1)))).isEqualTo(410);
    assertThat(status(tokens.issue(UUID.randomUUID(), NOW))).isEqualTo(404);
    assertThat(callbacks("malformed")).isEqualTo(2);
    assertThat(callbacks("forged")).isEqualTo(1);
    assertThat(callbacks("expired")).isEqualTo(1);
    assertThat(callbacks("unknown")).isEqualTo(1);
    assertThat(callbacks("accepted")).isZero();
  }

  @Test
  void countsAReturnOnceAcceptedThenRepeated() {
    String token = tokens.issue(waiting.id(), NOW);

    controller.alipayReturn(token);
    controller.alipayReturn(token);

    assertThat(callbacks("accepted")).isEqualTo(1);
    assertThat(callbacks("repeated")).isEqualTo(1);
  }

  private double callbacks(String outcome) {
    return meters.get("facecheck.intake.callbacks").tag("outcome", outcome).counter().count();
  }

  @Test
  void showsAStaticReturnToTheAppPageWhenTheDestinationIsUnknown() {
    CallbackController down =
        new CallbackController(
            new CallbackReceiver(
                tokens,
                new FakeLookup().with(waiting).unavailable(),
                callback -> {},
                new RecentReturns(100),
                Clock.fixed(NOW, ZoneOffset.UTC),
                UUID::randomUUID),
            metrics);

    ResponseEntity<?> response = down.alipayReturn(tokens.issue(waiting.id(), NOW));

    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
    assertThat((String) response.getBody()).contains("return to the app");
  }
}
