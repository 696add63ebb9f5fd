package io.facecheck.worker.initiation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.schema.FieldError;
import io.facecheck.statemachine.Failure;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.statemachine.testing.Fixtures;
import io.facecheck.statemachine.testing.InMemoryVerificationStore;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InvalidRequestsTest {

  private final MutableClock clock = new MutableClock(Fixtures.T0);
  private final InMemoryVerificationStore store = new InMemoryVerificationStore(clock);
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final InvalidRequests invalid =
      new InvalidRequests(
          store,
          letter -> {
            deadLetters.add(letter);
            return CompletableFuture.completedFuture(null);
          },
          clock,
          "worker@test",
          value -> value.length == 1 ? "1".repeat(64) : "2".repeat(64));

  @Test
  void withItsIdsTheRequestEndsRejectedNamingTheFirstFieldAtFault() {
    invalid.handle(record(1), errors("loan-service", "r-1", "/return_url", "/ttl_seconds")).join();

    Verification v = store.findByRequest("loan-service", "r-1").orElseThrow();
    assertThat(v.status()).isEqualTo(VerificationStatus.REJECTED);
    assertThat(v.failure().code()).isEqualTo(Failure.INVALID_REQUEST);
    assertThat(v.failure().field()).isEqualTo("/return_url");
    assertThat(v.failure().message()).contains("/return_url").contains("/ttl_seconds");
    assertThat(v.submission().requestHash()).isEqualTo("1".repeat(64));
    assertThat(store.eventsOf(v.id())).containsExactly(ResultType.REJECTED);
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void anErrorAboutTheWholeDocumentNamesNoField() {
    invalid.handle(record(1), errors("loan-service", "r-2", "")).join();

    assertThat(store.findByRequest("loan-service", "r-2").orElseThrow().failure().field()).isNull();
  }

  @Test
  void withoutWellFormedIdsNobodyCouldBeToldSoItIsDeadLettered() {
    invalid.handle(record(1), errors(null, "r-3", "/client_id")).join();
    invalid.handle(record(1), errors("loan-service", null, "/request_id")).join();

    assertThat(deadLetters)
        .hasSize(2)
        .allSatisfy(
            l -> {
              assertThat(l.reason()).isEqualTo(DeadLetterReason.INVALID_REQUEST);
              assertThat(l.deadLetterTopic()).isEqualTo(Topics.REQUESTS_DLT);
            });
    assertThat(store.all()).isEmpty();
  }

  @Test
  void aRedeliveryIsTheSameRejectionAndAnotherPayloadWithTheSameIdsAConflict() {
    invalid.handle(record(1), errors("loan-service", "r-4", "/app")).join();
    invalid.handle(record(1), errors("loan-service", "r-4", "/app")).join();
    assertThat(deadLetters).isEmpty();
    assertThat(store.outbox()).hasSize(1);

    invalid.handle(record(2), errors("loan-service", "r-4", "/app")).join();

    Verification v = store.findByRequest("loan-service", "r-4").orElseThrow();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reason()).isEqualTo(DeadLetterReason.IDEMPOTENCY_CONFLICT);
              assertThat(l.message()).contains(v.id().toString());
            });
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void anIdNumberQuotedInAnErrorMessageIsMasked() {
    ParseOutcome.Invalid quoting =
        new ParseOutcome.Invalid(
            "loan-service",
            "r-5",
            List.of(
                new FieldError("/identity/cert_no", "pattern", Fixtures.CERT_NO + " is wrong")));

    invalid.handle(record(1), quoting).join();

    assertThat(store.findByRequest("loan-service", "r-5").orElseThrow().failure().message())
        .doesNotContain(Fixtures.CERT_NO);
  }

  private static ParseOutcome.Invalid errors(String clientId, String requestId, String... fields) {
    List<FieldError> errors = new ArrayList<>();
    for (String field : fields) {
      errors.add(new FieldError(field, "invalid", "does not match the schema"));
    }
    return new ParseOutcome.Invalid(clientId, requestId, errors);
  }

  /** A record whose raw hash the test picks by its length. */
  private static OriginalRecord record(int length) {
    return new OriginalRecord(
        Topics.REQUESTS, 0, 3, new byte[0], "x".repeat(length).getBytes(UTF_8), List.of());
  }
}
