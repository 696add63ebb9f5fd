package io.facecheck.intake.callback;

import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  private static final String BUSINESS_URL = "https://loan.example/kyc/done?order=42";

  private final CallbackToken tokens = new CallbackToken("a-callback-secret-of-32-bytes-or-more");
  private final FakeLookup lookup = new FakeLookup();
  private final List<VerificationCallback> published = new ArrayList<>();
  private final RecentReturns recent = new RecentReturns(1_000);
  private final CallbackReceiver receiver =
      new CallbackReceiver(
          tokens,
          lookup,
          published::add,
          recent,
          Clock.fixed(NOW, ZoneOffset.UTC),
          () -> CALLBACK_ID);

  private Verification stored(VerificationStatus status) {
    Verification v = verification(CLIENT, "order-1", "a".repeat(64), status);
    lookup.with(v);
    return v;
  }

  private String v2Token(UUID id) {
    return tokens.issue(id, NOW.plusSeconds(60), BUSINESS_URL);
  }

  @Test
  void publishesAndRedirectsAV2TokenWithoutReadingTheDatabase() {
    UUID id = UUID.randomUUID();

    CallbackOutcome outcome = receiver.receive(v2Token(id));

    assertThat(outcome).isEqualTo(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), true));
    assertThat(published).containsExactly(VerificationCallback.of(CALLBACK_ID, id, NOW));
    assertThat(lookup.lookups).isZero();
  }

  @Test
  void publishesAV2ReturnWhilePostgresIsDown() {
    lookup.unavailable();
    UUID id = UUID.randomUUID();

    assertThat(receiver.receive(v2Token(id)))
        .isEqualTo(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), true));
    assertThat(published).hasSize(1);
  }

  @Test
  void publishesAV1ReturnAndRedirectsToTheStoredReturnUrl() {
    Verification v = stored(VerificationStatus.AWAITING_USER);

    CallbackOutcome outcome = receiver.receive(tokens.issue(v.id(), NOW.plusSeconds(60)));

    assertThat(outcome).isEqualTo(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), true));
    assertThat(published).containsExactly(VerificationCallback.of(CALLBACK_ID, v.id(), NOW));
  }

  @Test
  void publishesAV1ReturnWhilePostgresIsDownAndSaysReturnToTheApp() {
    Verification v = stored(VerificationStatus.AWAITING_USER);
    lookup.unavailable();

    CallbackOutcome outcome = receiver.receive(tokens.issue(v.id(), NOW.plusSeconds(60)));

    assertThat(outcome).isEqualTo(new CallbackOutcome.DestinationUnknown(true));
    assertThat(published).containsExactly(VerificationCallback.of(CALLBACK_ID, v.id(), NOW));
  }

  @Test
  void redirectsAV1ReturnWithoutPublishingWhenTheVerificationIsAlreadyFinal() {
    Verification v = stored(VerificationStatus.PASSED);

    CallbackOutcome outcome = receiver.receive(tokens.issue(v.id(), NOW.plusSeconds(60)));

    assertThat(outcome).isEqualTo(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), false));
    assertThat(published).isEmpty();
  }

  @Test
  void publishesARepeatedReturnOnceButRedirectsEveryTime() {
    UUID id = UUID.randomUUID();
    String token = v2Token(id);

    List<CallbackOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      outcomes.add(receiver.receive(token));
    }
    // another token of the same verification is a repeat too
    outcomes.add(receiver.receive(tokens.issue(id, NOW.plusSeconds(120), BUSINESS_URL)));

    assertThat(published).hasSize(1);
    assertThat(outcomes.get(0))
        .isEqualTo(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), true));
    assertThat(outcomes.subList(1, outcomes.size()))
        .containsOnly(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), false));
  }

  @Test
  void publishesAgainOnTheNextTryWhenKafkaRefusedTheFirst() {
    UUID id = UUID.randomUUID();
    List<VerificationCallback> sent = new ArrayList<>();
    boolean[] kafkaDown = {true};
    CallbackReceiver flaky =
        new CallbackReceiver(
            tokens,
            lookup,
            callback -> {
              if (kafkaDown[0]) {
                throw new IllegalStateException("no acknowledgement");
              }
              sent.add(callback);
            },
            recent,
            Clock.fixed(NOW, ZoneOffset.UTC),
            () -> CALLBACK_ID);

    assertThatThrownBy(() -> flaky.receive(v2Token(id))).isInstanceOf(IllegalStateException.class);
    kafkaDown[0] = false;

    assertThat(flaky.receive(v2Token(id)))
        .isEqualTo(new CallbackOutcome.Redirect(URI.create(BUSINESS_URL), true));
    assertThat(sent).hasSize(1);
  }

  @Test
  void refusesForgedExpiredAndMalformedTokensWithoutLookingAnythingUpOrRemembering() {
    Verification v = stored(VerificationStatus.AWAITING_USER);
    CallbackToken other = new CallbackToken("another-secret-of-at-least-32-bytes!");

    for (int i = 0; i < 100; i++) {
      assertThat(
              receiver.receive(other.issue(UUID.randomUUID(), NOW.plusSeconds(60), "https://x/")))
          .isEqualTo(new CallbackOutcome.Refused(Refusal.FORGED));
    }
    assertThat(receiver.receive(tokens.issue(v.id(), NOW.minusSeconds(1))))
        .isEqualTo(new CallbackOutcome.Refused(Refusal.EXPIRED));
    assertThat(receiver.receive("garbage"))
        .isEqualTo(new CallbackOutcome.Refused(Refusal.MALFORMED));
    assertThat(receiver.receive("A".repeat(1_000_000)))
        .isEqualTo(new CallbackOutcome.Refused(Refusal.MALFORMED));
    assertThat(receiver.receive(null)).isEqualTo(new CallbackOutcome.Refused(Refusal.MALFORMED));
    assertThat(published).isEmpty();
    assertThat(lookup.lookups).isZero();
    assertThat(recent.size()).isZero();
  }

  @Test
  void reportsAnAuthenticV1TokenForAnUnknownVerificationAndRemembersNothing() {
    CallbackOutcome outcome =
        receiver.receive(tokens.issue(UUID.randomUUID(), NOW.plusSeconds(60)));

    assertThat(outcome).isInstanceOf(CallbackOutcome.UnknownVerification.class);
    assertThat(published).isEmpty();
    assertThat(recent.size()).isZero();
  }
}
