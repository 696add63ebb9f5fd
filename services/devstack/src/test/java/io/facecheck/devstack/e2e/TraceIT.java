package io.facecheck.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.demo.ResultWatcher;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.testinfra.WholeTopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Verifications through the whole stack (intake over HTTP, worker, simulator, reconciler, outbox
 * relay), every service's spans kept in memory ({@link InMemorySpans}). One verification is one
 * trace: both of its result events carry the trace of the client's POST, and that trace is one
 * connected tree (one root, the POST; every parent present) holding the request path (intake →
 * worker → outbox → relay) and the decision path (reconciler → query → worker → query result →
 * reconciler → outbox → relay), whether the decision follows the user's return (whose own trace,
 * from the browser's GET, is linked) or a ladder query. No span holds a cert_name or cert_no.
 */
class TraceIT {

  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");
  private static final String INTAKE = "facecheck-intake";
  private static final String WORKER = "facecheck-worker";
  private static final String RECONCILER = "facecheck-reconciler";
  private static final String POST = INTAKE + " http post /v1/verifications";

  /** Decided after the user's return (posted twice: the duplicate is answered from the first). */
  private static final String RETURNING = "http-0";

  /** Decided by a ladder query, the user never coming back. */
  private static final String LADDERED = "http-1";

  private static final List<VerificationResult> events = new CopyOnWriteArrayList<>();
  private static Stack stack;
  private static ResultWatcher watcher;
  private static PipelineRun run;

  @BeforeAll
  static void startTheStackAndRequestTwoVerifications() throws Exception {
    StackSettings settings =
        new StackSettings(
            0,
            0,
            0,
            0,
            0,
            0,
            3,
            Files.createTempDirectory("facecheck-trace"),
            Scenario.none().withSeed(5),
            // no query unless the test asks: the ladder's first step is far away
            List.of(Duration.ofMinutes(10)),
            1,
            0,
            Clock.systemUTC(),
            Map.of(
                InMemorySpans.PROPERTY,
                "true",
                "management.tracing.sampling.probability",
                "1.0",
                "management.opentelemetry.tracing.export.schedule-delay",
                "200ms"));
    stack = Stack.startAll(settings);
    watcher = new ResultWatcher(stack.bootstrapServers(), (event, nanos) -> events.add(event));
    run = new PipelineRun(stack);
    run.post(2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void theUsersReturnIsDecidedInTheTraceOfTheClientsRequest() throws Exception {
    VerificationResult issued = awaitEvent(RETURNING, ResultType.CERTIFY_URL_ISSUED);
    // the user passes at Alipay, then the browser comes back (no trace headers, as a browser)
    stack.simulator().complete(PipelineOutcome.certifyId(issued.certifyUrl()), true, false);
    String token =
        new CallbackToken(stack.secrets().callbackSecret())
            .issue(
                issued.verificationId(),
                Instant.now().plusSeconds(3600),
                stack.intakeUrl() + "/actuator/health");
    assertThat(run.callback(token)).isEqualTo(302);
    awaitEvent(RETURNING, ResultType.PASSED);

    Trace trace = oneTraceFor(RETURNING);
    assertThat(trace.pathFrom(trace.passed))
        .containsSubsequence(
            RECONCILER + " verification-results send",
            RECONCILER + " outbox relay",
            RECONCILER + " outbox append",
            RECONCILER + " verification-query-results process",
            WORKER + " verification-query-results send",
            WORKER + " verification-queries process",
            RECONCILER + " verification-queries send",
            RECONCILER + " verification-callbacks process",
            WORKER + " verification-requests process",
            INTAKE + " verification-requests send",
            POST);

    // the return's own trace (the browser's GET → intake → verification-callbacks) is linked
    SpanData origin = trace.named(RECONCILER + " verification-callbacks origin");
    assertThat(origin.getLinks()).hasSize(1);
    LinkData link = origin.getLinks().get(0);
    assertThat(link.getSpanContext().getTraceId()).isNotEqualTo(trace.id);
    Trace returned =
        await("the return's trace complete")
            .atMost(WAIT)
            .until(() -> Trace.complete(link.getSpanContext().getTraceId()), t -> t != null);
    assertThat(returned.pathFrom(link.getSpanContext().getSpanId()))
        .containsExactly(
            INTAKE + " verification-callbacks send",
            INTAKE + " http get /v1/callbacks/alipay/return");
    assertNoSpanHoldsPii();
  }

  @Test
  void aLadderQueryDecidesInTheTraceOfTheClientsRequest() throws Exception {
    VerificationResult issued = awaitEvent(LADDERED, ResultType.CERTIFY_URL_ISSUED);
    stack.simulator().complete(PipelineOutcome.certifyId(issued.certifyUrl()), true, false);
    // its ladder step falls due now, as if the clock had moved on to it; the user never returns
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(stack.jdbcUrl());
    try (Connection connection = database.getConnection("facecheck", "facecheck");
        PreparedStatement due =
            connection.prepareStatement(
                "UPDATE verifications SET next_query_at = now() - interval '1 second'"
                    + " WHERE id = ? AND status = 'AWAITING_USER'")) {
      due.setObject(1, issued.verificationId());
      assertThat(due.executeUpdate()).isEqualTo(1);
    }
    awaitEvent(LADDERED, ResultType.PASSED);

    Trace trace = oneTraceFor(LADDERED);
    assertThat(trace.pathFrom(trace.passed))
        .containsSubsequence(
            RECONCILER + " verification-results send",
            RECONCILER + " outbox relay",
            RECONCILER + " outbox append",
            RECONCILER + " verification-query-results process",
            WORKER + " verification-query-results send",
            WORKER + " verification-queries process",
            RECONCILER + " verification-queries send",
            RECONCILER + " ladder query",
            WORKER + " verification-requests process",
            INTAKE + " verification-requests send",
            POST);
    assertNoSpanHoldsPii();
  }

  /**
   * The verification's two events carry one trace id, and that trace is complete: one root, the
   * client's POST, every parent present, and the request path from the certify URL's publish.
   */
  private static Trace oneTraceFor(String requestId) {
    List<ConsumerRecord<byte[], byte[]>> published =
        WholeTopicReader.readAll(stack.bootstrapServers(), Topics.RESULTS).stream()
            .filter(r -> PipelineRun.parse(r.value()).requestId().equals(requestId))
            .toList();
    assertThat(published).hasSize(2);
    String[] issued = traceparentOf(recordOf(published, "verification.certify_url_issued"));
    String[] passed = traceparentOf(recordOf(published, "verification.passed"));
    assertThat(passed[1]).as("both events in the client's trace").isEqualTo(issued[1]);

    Trace trace =
        await("the verification's trace complete")
            .atMost(WAIT)
            .until(
                () -> Trace.complete(issued[1]),
                t -> t != null && t.has(issued[2]) && t.has(passed[2]));
    trace = new Trace(trace.id, trace.spans, issued[2], passed[2]);
    assertThat(trace.label(trace.root())).isEqualTo(POST);
    assertThat(trace.pathFrom(trace.issued))
        .containsSubsequence(
            RECONCILER + " verification-results send",
            RECONCILER + " outbox relay",
            WORKER + " outbox append",
            WORKER + " verification-requests process",
            INTAKE + " verification-requests send",
            POST);
    System.out.printf(
        "%s: trace %s%n  certify URL: %s%n  decision:    %s%n",
        requestId,
        trace.id,
        String.join(" ← ", trace.pathFrom(trace.issued)),
        String.join(" ← ", trace.pathFrom(trace.passed)));
    return trace;
  }

  /** The spans of one trace; {@code issued} and {@code passed}: the ids of the events' sends. */
  private record Trace(String id, List<SpanData> spans, String issued, String passed) {

    /** The trace, once it is one connected tree (one root, every parent exported); else null. */
    static Trace complete(String traceId) {
      List<SpanData> spans =
          InMemorySpans.finished().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
      Trace trace = new Trace(traceId, spans, null, null);
      long roots = spans.stream().filter(s -> !s.getParentSpanContext().isValid()).count();
      boolean connected =
          spans.stream()
              .filter(s -> s.getParentSpanContext().isValid())
              .allMatch(s -> trace.has(s.getParentSpanId()));
      return roots == 1 && connected ? trace : null;
    }

    boolean has(String spanId) {
      return spans.stream().anyMatch(s -> s.getSpanId().equals(spanId));
    }

    SpanData root() {
      return spans.stream().filter(s -> !s.getParentSpanContext().isValid()).findFirst().get();
    }

    SpanData named(String label) {
      return spans.stream()
          .filter(s -> label(s).equals(label))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no span " + label + " in trace " + id));
    }

    /** "service span-name" from the span {@code spanId} up to the root. */
    List<String> pathFrom(String spanId) {
      List<String> path = new ArrayList<>();
      for (SpanData s = byId(spanId); s != null; s = byId(s.getParentSpanId())) {
        path.add(label(s));
      }
      return path;
    }

    String label(SpanData span) {
      return span.getResource().getAttribute(SERVICE) + " " + span.getName();
    }

    private SpanData byId(String spanId) {
      return spans.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst().orElse(null);
    }
  }

  private static void assertNoSpanHoldsPii() {
    List<SpanData> spans = InMemorySpans.finished();
    assertThat(spans).isNotEmpty();
    for (FakeIdentity person : run.identities) {
      for (SpanData span : spans) {
        String text = everythingRecordedIn(span);
        assertThat(text).as(span.getName()).doesNotContain(person.certNo());
        assertThat(text).as(span.getName()).doesNotContain(person.certName());
      }
    }
  }

  private static String everythingRecordedIn(SpanData span) {
    StringBuilder text = new StringBuilder(span.getName()).append(' ');
    span.getAttributes().forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
    span.getEvents()
        .forEach(
            e -> {
              text.append(e.getName()).append(' ');
              e.getAttributes().forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
            });
    span.getLinks().forEach(l -> l.getAttributes().forEach((k, v) -> text.append(v).append(' ')));
    return text.append(span.getStatus().getDescription()).toString();
  }

  private static ConsumerRecord<byte[], byte[]> recordOf(
      List<ConsumerRecord<byte[], byte[]>> records, String type) {
    return records.stream()
        .filter(r -> text(r).contains("\"" + type + "\""))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " on " + Topics.RESULTS));
  }

  private static String text(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  /** The W3C traceparent a result event carries, split: version, trace id, span id, flags. */
  private static String[] traceparentOf(ConsumerRecord<byte[], byte[]> record) {
    Header traceparent = record.headers().lastHeader("traceparent");
    assertThat(traceparent).as("traceparent on " + record.topic()).isNotNull();
    return new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
  }

  private static VerificationResult awaitEvent(String requestId, ResultType type) {
    return await(requestId + " " + type.value())
        .atMost(WAIT)
        .until(
            () ->
                events.stream()
                    .filter(e -> e.requestId().equals(requestId) && e.type() == type)
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }
}
