package io.facecheck.intake.callback;

import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.callback.CallbackToken.Refusal;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.intake.FakeLookup;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallbackReceiverTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:05:00Z");
  private static final UUID CALLBACK_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

  private final CallbackToken tokens = new CallbackToken("a-callback-secret-of-32-bytes-or-more");
  private final FakeLookup lookup = new FakeLookup();
  private final List<VerificationCallback> published = new ArrayList<>();
  private final CallbackReceiver receiver =
      new CallbackReceiver(
          tokens, lookup, published::add, Clock.fixed(NOW, ZoneOffset.UTC), () -> CALLBACK_ID);

  private Verification stored(VerificationStatus status) {
    Verification v = verification(CLIENT, "order-1", "a".repeat(64), status);
    lookup.with(v);
    return v;
  }

  @Test
  void publishesOneCallbackAndRedirectsToTheReturnUrl() {
    Verification v = stored(VerificationStatus.AWAITING_USER);

    CallbackOutcome outcome = receiver.receive(tokens.issue(v.id(), NOW.plusSeconds(60)));

    assertThat(outcome)
        .isEqualTo(
            new CallbackOutcome.Redirect(
                URI.create("https://loan.example/kyc/done?order=42"), true));
    assertThat(published).containsExactly(VerificationCallback.of(CALLBACK_ID, v.id(), NOW));
  }

  @Test
  void redirectsWithoutPublishingWhenTheVerificationIsAlreadyFinal() {
    Verification v = stored(VerificationStatus.PASSED);

    CallbackOutcome outcome = receiver.receive(tokens.issue(v.id(), NOW.plusSeconds(60)));

    assertThat(outcome).isInstanceOf(CallbackOutcome.Redirect.class);
    assertThat(published).isEmpty();
  }

  @Test
  void refusesForgedExpiredAndMalformedTokensWithoutLookingAnythingUp() {
    Verification v = stored(VerificationStatus.AWAITING_USER);
    String forged =
        new CallbackToken("another-secret-of-at-least-32-bytes!")
            .issue(v.id(), NOW.plusSeconds(60));

    assertThat(receiver.receive(forged)).isEqualTo(new CallbackOutcome.Refused(Refusal.FORGED));
    assertThat(receiver.receive(tokens.issue(v.id(), NOW.minusSeconds(1))))
        .isEqualTo(new CallbackOutcome.Refused(Refusal.EXPIRED));
    assertThat(receiver.receive("garbage"))
        .isEqualTo(new CallbackOutcome.Refused(Refusal.MALFORMED));
    assertThat(receiver.receive(null)).isEqualTo(new CallbackOutcome.Refused(Refusal.MALFORMED));
    assertThat(published).isEmpty();
    assertThat(lookup.lookups).isZero();
  }

  @Test
  void reportsAnAuthenticTokenForAnUnknownVerification() {
    CallbackOutcome outcome =
        receiver.receive(tokens.issue(UUID.randomUUID(), NOW.plusSeconds(60)));

    assertThat(outcome).isInstanceOf(CallbackOutcome.UnknownVerification.class);
    assertThat(published).isEmpty();
  }
}
