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
import io.facecheck.testinfra.TopicDump;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * One verification through the whole stack (intake over HTTP, worker, simulator, the user's return,
 * reconciler, outbox relay), every service's spans kept in memory ({@link InMemorySpans}). Each
 * result event on verification-results carries the trace it was published in; each of those traces
 * is one connected tree (one root, every parent present) that runs through every hop back to the
 * HTTP request that caused it, and no span holds the request's cert_name or cert_no.
 */
class TraceIT {

  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");
  private static final String INTAKE = "facecheck-intake";
  private static final String WORKER = "facecheck-worker";
  private static final String RECONCILER = "facecheck-reconciler";

  @Test
  void eachResultEventIsPublishedInOneConnectedTraceFromTheRequestThatCausedIt() throws Exception {
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
            // only the user's return can cause a query: the ladder's first step is far away
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
    List<VerificationResult> events = new CopyOnWriteArrayList<>();
    try (Stack stack = Stack.startAll(settings);
        ResultWatcher watcher =
            new ResultWatcher(stack.bootstrapServers(), (event, nanos) -> events.add(event))) {
      PipelineRun run = new PipelineRun(stack);
      run.post(1);
      VerificationResult issued = awaitEvent(events, ResultType.CERTIFY_URL_ISSUED);
      // the user passes at Alipay, then the browser comes back (no trace headers, as a browser)
      stack.simulator().complete(PipelineOutcome.certifyId(issued.certifyUrl()), true, false);
      String token =
          new CallbackToken(stack.secrets().callbackSecret())
              .issue(
                  issued.verificationId(),
                  Instant.now().plusSeconds(3600),
                  stack.intakeUrl() + "/actuator/health");
      assertThat(run.callback(token)).isEqualTo(302);
      awaitEvent(events, ResultType.PASSED);

      List<ConsumerRecord<byte[], byte[]>> published =
          TopicDump.all(stack.bootstrapServers(), Topics.RESULTS);
      assertThat(published).hasSize(2);
      String requestTrace = traceIdOf(recordOf(published, "verification.certify_url_issued"));
      String returnTrace = traceIdOf(recordOf(published, "verification.passed"));

      // the certify URL: the client's POST → intake → worker → outbox → relay
      List<String> issuedPath =
          await("the certify URL's trace complete")
              .atMost(WAIT)
              .until(() -> pathToRoot(requestTrace), path -> path != null);
      assertThat(issuedPath)
          .containsSubsequence(
              RECONCILER + " verification-results send",
              RECONCILER + " outbox relay",
              WORKER + " outbox append",
              WORKER + " verification-requests process",
              INTAKE + " verification-requests send",
              INTAKE + " http post /v1/verifications");

      // the decision: the user's return → intake → reconciler → query → worker → query result →
      // reconciler → outbox → relay
      List<String> decidedPath =
          await("the decision's trace complete")
              .atMost(WAIT)
              .until(() -> pathToRoot(returnTrace), path -> path != null);
      assertThat(decidedPath)
          .containsSubsequence(
              RECONCILER + " verification-results send",
              RECONCILER + " outbox relay",
              RECONCILER + " outbox append",
              RECONCILER + " verification-query-results process",
              WORKER + " verification-query-results send",
              WORKER + " verification-queries process",
              RECONCILER + " verification-queries send",
              RECONCILER + " verification-callbacks process",
              INTAKE + " verification-callbacks send",
              INTAKE + " http get /v1/callbacks/alipay/return");

      System.out.printf(
          "certify URL trace %s:%n  %s%ndecision trace %s:%n  %s%n",
          requestTrace,
          String.join("\n  ", issuedPath),
          returnTrace,
          String.join("\n  ", decidedPath));

      FakeIdentity person = run.identities.get(0);
      List<SpanData> spans = InMemorySpans.finished();
      assertThat(spans).isNotEmpty();
      for (SpanData span : spans) {
        String text = everythingRecordedIn(span);
        assertThat(text).as(span.getName()).doesNotContain(person.certNo());
        assertThat(text).as(span.getName()).doesNotContain(person.certName());
      }
    }
  }

  /**
   * "service span-name" from the trace's relay send up to its root; null until the trace is
   * complete: a single root, every span's parent exported, the root an HTTP request.
   */
  private static List<String> pathToRoot(String traceId) {
    List<SpanData> trace =
        InMemorySpans.finished().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    List<SpanData> roots = trace.stream().filter(s -> !s.getParentSpanContext().isValid()).toList();
    boolean connected =
        trace.stream()
            .filter(s -> s.getParentSpanContext().isValid())
            .allMatch(s -> byId(trace, s.getParentSpanId()) != null);
    SpanData relayed =
        trace.stream()
            .filter(s -> s.getName().equals(Topics.RESULTS + " send"))
            .findFirst()
            .orElse(null);
    if (roots.size() != 1 || !connected || relayed == null) {
      return null;
    }
    List<String> path = new ArrayList<>();
    for (SpanData s = relayed; s != null; s = byId(trace, s.getParentSpanId())) {
      path.add(s.getResource().getAttribute(SERVICE) + " " + s.getName());
    }
    return path;
  }

  private static SpanData byId(List<SpanData> trace, String spanId) {
    return trace.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst().orElse(null);
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
        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"" + type + "\""))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " on " + Topics.RESULTS));
  }

  /** The trace a result event was published in, from the W3C traceparent it carries. */
  private static String traceIdOf(ConsumerRecord<byte[], byte[]> record) {
    Header traceparent = record.headers().lastHeader("traceparent");
    assertThat(traceparent).as("traceparent on " + record.topic()).isNotNull();
    return new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
  }

  private static VerificationResult awaitEvent(List<VerificationResult> events, ResultType type) {
    return await(type.value())
        .atMost(WAIT)
        .until(
            () -> events.stream().filter(e -> e.type() == type).findFirst().orElse(null),
            e -> e != null);
  }
}
