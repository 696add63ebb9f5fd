package io.facecheck.intake.request;

import static io.facecheck.intake.Fixtures.BAD_CHECK_DIGIT_CERT_NO;
import static io.facecheck.intake.Fixtures.CLIENT;
import static io.facecheck.intake.Fixtures.OTHER_CLIENT;
import static io.facecheck.intake.Fixtures.bytes;
import static io.facecheck.intake.Fixtures.requestJson;
import static io.facecheck.intake.Fixtures.verification;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import io.facecheck.contracts.schema.FieldError;
import io.facecheck.intake.FakeLookup;
import io.facecheck.intake.auth.AuthenticatedClient;
import io.facecheck.statemachine.VerificationStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestIntakeTest {

  private static final AuthenticatedClient LOAN = new AuthenticatedClient(CLIENT);
  private static final RequestParser PARSER =
      new RequestParser(
          "facecheck-test-request-hash-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  private final List<byte[]> published = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private final FakeLookup lookup = new FakeLookup();
  private final RequestIntake intake =
      new RequestIntake(
          PARSER,
          lookup,
          (key, value) -> {
            keys.add(key);
            published.add(value);
          });

  @Test
  void publishesTheOriginalBytesOfAValidRequestKeyedByRequestId() {
    byte[] body = bytes(requestJson(CLIENT, "order-1"));

    assertThat(intake.submit(LOAN, body)).isEqualTo(new IntakeOutcome.Accepted("order-1"));
    assertThat(keys).containsExactly("order-1");
    assertThat(published).singleElement().isSameAs(body);
  }

  @Test
  void describesAnInvalidRequestFieldByFieldAndPublishesNothing() {
    IntakeOutcome outcome =
        intake.submit(
            LOAN,
            bytes(requestJson(CLIENT, "order-1", BAD_CHECK_DIGIT_CERT_NO, "https://x.example/")));

    assertThat(outcome).isInstanceOf(IntakeOutcome.Invalid.class);
    assertThat(((IntakeOutcome.Invalid) outcome).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "/identity/cert_no", FieldError.RESIDENT_ID_CHECK_DIGIT));
    assertThat(published).isEmpty();
  }

  @Test
  void refusesABodyNamingAnotherClientEvenWhenItIsInvalid() {
    assertThat(intake.submit(LOAN, bytes(requestJson(OTHER_CLIENT, "order-1"))))
        .isInstanceOf(IntakeOutcome.ForeignClient.class);
    assertThat(
            intake.submit(
                LOAN,
                bytes(requestJson(OTHER_CLIENT, "order-1", BAD_CHECK_DIGIT_CERT_NO, "https://x/"))))
        .isInstanceOf(IntakeOutcome.ForeignClient.class);
    assertThat(published).isEmpty();
    assertThat(lookup.lookups).isZero();
  }

  @Test
  void reportsUnparseableBodiesWithTheirReason() {
    assertThat(intake.submit(LOAN, bytes("{not json")))
        .isEqualTo(new IntakeOutcome.Unparseable(DeadLetterReason.INVALID_JSON));
    assertThat(intake.submit(LOAN, bytes("[1, 2]")))
        .isEqualTo(new IntakeOutcome.Unparseable(DeadLetterReason.NOT_AN_OBJECT));
    assertThat(intake.submit(LOAN, new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'}))
        .isEqualTo(new IntakeOutcome.Unparseable(DeadLetterReason.NOT_UTF8));
    assertThat(intake.submit(LOAN, new byte[RequestParser.MAX_BYTES + 1]))
        .isEqualTo(new IntakeOutcome.Unparseable(DeadLetterReason.TOO_LARGE));
    assertThat(published).isEmpty();
  }

  @Test
  void answersARepeatOfARecordedRequestFromTheDatabaseWithoutPublishing() {
    byte[] body = bytes(requestJson(CLIENT, "order-1"));
    String hash = ((ParseOutcome.Valid) PARSER.parse(body)).canonicalHash();
    lookup.with(verification(CLIENT, "order-1", hash, VerificationStatus.AWAITING_USER));

    IntakeOutcome outcome = intake.submit(LOAN, body);

    assertThat(outcome).isInstanceOf(IntakeOutcome.AlreadyAccepted.class);
    assertThat(((IntakeOutcome.AlreadyAccepted) outcome).existing().status())
        .isEqualTo(VerificationStatus.AWAITING_USER);
    assertThat(published).isEmpty();
  }

  @Test
  void reportsTheSameRequestIdWithAnotherPayloadAsAConflict() {
    lookup.with(verification(CLIENT, "order-1", "0".repeat(64), VerificationStatus.RECEIVED));

    assertThat(intake.submit(LOAN, bytes(requestJson(CLIENT, "order-1"))))
        .isEqualTo(new IntakeOutcome.Conflict("order-1"));
    assertThat(published).isEmpty();
  }

  @Test
  void treatsTheSameRequestIdOfAnotherClientAsUnrelated() {
    lookup.with(verification(OTHER_CLIENT, "order-1", "0".repeat(64), VerificationStatus.RECEIVED));

    assertThat(intake.submit(LOAN, bytes(requestJson(CLIENT, "order-1"))))
        .isEqualTo(new IntakeOutcome.Accepted("order-1"));
  }
}
