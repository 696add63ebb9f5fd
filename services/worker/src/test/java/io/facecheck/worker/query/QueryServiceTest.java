package io.facecheck.worker.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryOutcome;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryRecord;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every branch of answering a query, with fakes of Alipay and the topics. */
class QueryServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<VerificationQueryResult> published = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final List<RetryRecord> retries = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private AlipayOutcome<QueryAnswer> answer =
      new AlipayOutcome.Succeeded<>(new QueryAnswer(false, null));

  /** Alipay takes 3 s to answer: the clock moves on during the call. */
  private final CertificationQuery slowAlipay =
      new CertificationQuery() {
        @Override
        public boolean knowsApp(String app) {
          return app.equals("default");
        }

        @Override
        public AttemptedCall<QueryAnswer> query(String app, String certifyId) {
          calls.incrementAndGet();
          clock.advance(Duration.ofSeconds(3));
          boolean failed = !(answer instanceof AlipayOutcome.Succeeded<?>);
          return new AttemptedCall<>(
              answer, failed ? 3 : 1, failed ? T0 : null, failed ? T0 : null);
        }
      };

  private final QueryService service =
      new QueryService(
          slowAlipay,
          result -> {
            published.add(result);
            return CompletableFuture.completedFuture(null);
          },
          this::deadLetter,
          new RetryRouter(
              new RetrySchedule(List.of(Duration.ofSeconds(5))),
              r -> {
                retries.add(r);
                return CompletableFuture.completedFuture(null);
              },
              this::deadLetter,
              clock),
          clock);

  private CompletableFuture<?> deadLetter(DeadLetter letter) {
    deadLetters.add(letter);
    return CompletableFuture.completedFuture(null);
  }

  @Test
  void queriedAtIsWhenTheQueryWasSentNotWhenTheAnswerArrived() {
    service.handle(record(query("default"))).join();

    assertThat(published).singleElement().satisfies(r -> assertThat(r.queriedAt()).isEqualTo(T0));
  }

  @Test
  void passedIsPublishedAsPassed() {
    answer = new AlipayOutcome.Succeeded<>(new QueryAnswer(true, null));
    VerificationQuery query = query("default");

    service.handle(record(query)).join();

    assertThat(published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(QueryOutcome.PASSED);
              assertThat(r.verificationId()).isEqualTo(query.verificationId());
              assertThat(r.queryId()).isEqualTo(query.queryId());
              assertThat(r.failReason()).isNull();
            });
  }

  @Test
  void notPassedCarriesAlipaysFailReason() {
    answer = new AlipayOutcome.Succeeded<>(new QueryAnswer(false, "face mismatch"));

    service.handle(record(query("default"))).join();

    assertThat(published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(QueryOutcome.NOT_PASSED);
              assertThat(r.failReason()).isEqualTo("face mismatch");
            });
  }

  @Test
  void aCertificationAlipayDoesNotKnowIsNotFound() {
    answer = new AlipayOutcome.Rejected<>("CERTIFY_ID_NOT_EXIST");

    service.handle(record(query("default"))).join();

    assertThat(published)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(QueryOutcome.NOT_FOUND);
              assertThat(r.failReason()).isEqualTo("CERTIFY_ID_NOT_EXIST");
            });
  }

  @Test
  void aTransientFailureGoesToTheQueryRetryTopic() {
    answer = new AlipayOutcome.Retryable<>("connect timeout");

    service.handle(record(query("default"))).join();

    assertThat(published).isEmpty();
    assertThat(retries)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).startsWith(Topics.QUERIES_RETRY_PREFIX);
              assertThat(r.attempts()).isEqualTo(3);
            });
  }

  @Test
  void anOutageParksTheQueryUntilAlipayIsBack() {
    answer = new AlipayOutcome.Unavailable<>("circuit open", T0.plusSeconds(30));

    service.handle(record(query("default"))).join();

    assertThat(retries)
        .singleElement()
        .satisfies(r -> assertThat(r.dueAt()).isEqualTo(T0.plusSeconds(30)));
  }

  @Test
  void aConfigurationErrorIsDeadLetteredAtOnce() {
    answer = new AlipayOutcome.ProviderConfig<>("isv.invalid-app-id", "no such app id");

    service.handle(record(query("default"))).join();

    assertThat(retries).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG);
              assertThat(l.deadLetterTopic()).isEqualTo(Topics.QUERIES_DLT);
            });
  }

  @Test
  void anAppNobodyConfiguredIsDeadLetteredWithoutCallingAlipay() {
    service.handle(record(query("other"))).join();

    assertThat(calls).hasValue(0);
    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.PROVIDER_CONFIG));
  }

  @Test
  void anUnknownSchemaVersionIsDeadLetteredNeverReadAsV1() {
    String v2 =
        new String(PayloadJson.mapper().writeValueAsBytes(query("default")), UTF_8)
            .replace("\"schema_version\":1", "\"schema_version\":2");
    assertThat(v2).contains("\"schema_version\":2");

    service.handle(record(v2.getBytes(UTF_8))).join();

    assertThat(calls).hasValue(0);
    assertThat(published).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_VERSION);
              assertThat(l.deadLetterTopic()).isEqualTo("verification-queries-dlt");
            });
  }

  @Test
  void aMissingSchemaVersionIsUnknownToo() {
    service.handle(record("{\"query_id\":\"x\"}".getBytes(UTF_8))).join();

    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo(DeadLetterReason.UNKNOWN_SCHEMA_VERSION));
  }

  @Test
  void somethingThatIsNoObjectOrNoQueryIsDeadLetteredWithoutCallingAlipay() {
    service.handle(record("[1,2]".getBytes(UTF_8))).join();
    service.handle(record("{\"schema_version\":1,\"query_id\":42}".getBytes(UTF_8))).join();
    service.handle(record("{not json".getBytes(UTF_8))).join();

    assertThat(calls).hasValue(0);
    assertThat(deadLetters)
        .extracting(DeadLetter::reason)
        .containsExactly(
            DeadLetterReason.NOT_AN_OBJECT,
            DeadLetterReason.INVALID_JSON,
            DeadLetterReason.INVALID_JSON);
  }

  private static VerificationQuery query(String app) {
    return VerificationQuery.of(
        UUID.randomUUID(), UUID.randomUUID(), app, "cid-1", QueryReason.LADDER, T0);
  }

  private static OriginalRecord record(VerificationQuery query) {
    return record(PayloadJson.mapper().writeValueAsBytes(query));
  }

  private static OriginalRecord record(byte[] value) {
    return new OriginalRecord("verification-queries", 0, 1, new byte[0], value, List.of());
  }
}
