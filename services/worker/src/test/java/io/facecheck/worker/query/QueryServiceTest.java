package io.facecheck.worker.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.worker.alipay.AlipayOutcome;
import io.facecheck.worker.alipay.AttemptedCall;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryRouter;
import io.facecheck.worker.retry.RetrySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueryServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<VerificationQueryResult> published = new ArrayList<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** Alipay takes 3 s to answer: the clock moves on during the call. */
  private final CertificationQuery slowAlipay =
      new CertificationQuery() {
        @Override
        public boolean knowsApp(String app) {
          return true;
        }

        @Override
        public AttemptedCall<QueryAnswer> query(String app, String certifyId) {
          calls.incrementAndGet();
          clock.advance(Duration.ofSeconds(3));
          return new AttemptedCall<>(
              new AlipayOutcome.Succeeded<>(new QueryAnswer(false, null)), 1, null, null);
        }
      };

  private final QueryService service =
      new QueryService(
          slowAlipay,
          result -> {
            published.add(result);
            return CompletableFuture.completedFuture(null);
          },
          letter -> {
            deadLetters.add(letter);
            return CompletableFuture.completedFuture(null);
          },
          new RetryRouter(
              new RetrySchedule(List.of(Duration.ofSeconds(5))),
              r -> CompletableFuture.completedFuture(null),
              letter -> CompletableFuture.completedFuture(null),
              clock),
          clock);

  @Test
  void queriedAtIsWhenTheQueryWasSentNotWhenTheAnswerArrived() {
    service.handle(record(PayloadJson.mapper().writeValueAsBytes(query()))).join();

    assertThat(published).singleElement().satisfies(r -> assertThat(r.queriedAt()).isEqualTo(T0));
  }

  @Test
  void anUnknownSchemaVersionIsDeadLetteredNeverReadAsV1() {
    String v2 =
        new String(PayloadJson.mapper().writeValueAsBytes(query()), UTF_8)
            .replace("\"schema_version\":1", "\"schema_version\":2");
    assertThat(v2).contains("\"schema_version\":2");

    service.handle(record(v2.getBytes(UTF_8))).join();

    assertThat(calls).hasValue(0);
    assertThat(published).isEmpty();
    assertThat(deadLetters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.reason()).isEqualTo("UNKNOWN_SCHEMA_VERSION");
              assertThat(l.deadLetterTopic()).isEqualTo("verification-queries-dlt");
            });
  }

  @Test
  void aMissingSchemaVersionIsUnknownToo() {
    service.handle(record("{\"query_id\":\"x\"}".getBytes(UTF_8))).join();

    assertThat(deadLetters)
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo("UNKNOWN_SCHEMA_VERSION"));
  }

  private static VerificationQuery query() {
    return VerificationQuery.of(
        UUID.randomUUID(), UUID.randomUUID(), "default", "cid-1", QueryReason.LADDER, T0);
  }

  private static OriginalRecord record(byte[] value) {
    return new OriginalRecord("verification-queries", 0, 1, new byte[0], value, List.of());
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
