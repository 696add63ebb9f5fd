package io.facecheck.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.stack.AlipaySetup;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.testinfra.MetricsCatalog;
import io.facecheck.testinfra.WholeTopicReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole pipeline in one run: 200 requests over Kafka (10 of them produced twice) and 20 over
 * HTTP (one posted twice), users played by the simulator's automatic user with a fixed seed, two
 * reconcilers side by side, a ladder whose first step is 10 minutes away (so only callbacks can
 * decide quickly), and the reconcilers' clock moved past the TTL at the end so the users who walked
 * away expire. The run ({@link PipelineOutcome}) happens once; each test checks one promise against
 * what it left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  /**
   * Copies of each finished verification added before the plans are read: ~20,000 rows here; {@code
   * -Dfacecheck.plans.copies=5000} gives the million of docs/sizing.md.
   */
  private static final int PLAN_COPIES = Integer.getInteger("facecheck.plans.copies", 100);

  static {
    CapturedLogs.captureConsole();
  }

  private PipelineOutcome outcome;

  @BeforeAll
  void runThePipeline() throws Exception {
    outcome = PipelineOutcome.runOnce(alipay());
  }

  /** The app's mode and encryption for the run: today's public-key mode, in clear. */
  AlipaySetup alipay() {
    return AlipaySetup.PUBLIC_KEY;
  }

  @AfterAll
  void stop() throws Exception {
    if (outcome != null) {
      outcome.close();
    }
  }

  @Test
  void everyRequestEndsInExactlyOneFinalEventMatchingWhatTheUserDid() {
    Map<String, List<VerificationResult>> byRequest = outcome.eventsByRequest();
    assertThat(byRequest.keySet())
        .containsExactlyInAnyOrderElementsOf(outcome.run.requests.keySet());
    Map<ResultStatus, Integer> counts = new HashMap<>();
    byRequest.forEach(
        (requestId, events) -> {
          List<VerificationResult> finals = events.stream().filter(e -> e.isFinal()).toList();
          assertThat(finals).as(requestId).hasSize(1);
          ResultStatus expected =
              switch (outcome.userDid.get(requestId)) {
                case PASSED -> ResultStatus.PASSED;
                case FAILED -> ResultStatus.FAILED;
                case ABANDONED -> ResultStatus.EXPIRED;
                case INIT -> throw new AssertionError(requestId + ": its user never acted");
              };
          assertThat(finals.get(0).status()).as(requestId).isEqualTo(expected);
          counts.merge(expected, 1, Integer::sum);
        });
    // the seed gives every fate at least once, so each path above was exercised
    assertThat(counts).containsKeys(ResultStatus.PASSED, ResultStatus.FAILED, ResultStatus.EXPIRED);
  }

  @Test
  void eachCertifyUrlIsIssuedOnceAndBeforeItsFinalEvent() {
    Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new HashMap<>();
    outcome.results.forEach(
        r -> byKey.computeIfAbsent(PipelineOutcome.key(r), k -> new ArrayList<>()).add(r));
    byKey.forEach(
        (key, records) -> {
          List<ResultType> types =
              records.stream()
                  .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                  .map(r -> PipelineRun.parse(r.value()).type())
                  .toList();
          assertThat(records)
              .extracting(ConsumerRecord::partition)
              .as(key)
              .containsOnly(records.get(0).partition());
          assertThat(types).as(key).hasSize(2);
          assertThat(types.get(0)).as(key).isEqualTo(ResultType.CERTIFY_URL_ISSUED);
          assertThat(types.get(1).isFinal()).as(key).isTrue();
        });
  }

  @Test
  void eventIdsAreDerivedFromVerificationAndType() {
    for (ConsumerRecord<byte[], byte[]> record : outcome.results) {
      VerificationResult event = PipelineRun.parse(record.value());
      assertThat(event.eventId())
          .isEqualTo(VerificationResult.eventIdFor(event.verificationId(), event.type()));
      assertThat(PipelineOutcome.key(record))
          .isEqualTo(Topics.resultKey(event.clientId(), event.requestId()));
    }
  }

  @Test
  void theSameRequestTwiceIsOneVerification() throws Exception {
    assertThat(outcome.run.httpStatuses)
        .allSatisfy(status -> assertThat(status).isBetween(200, 202));
    outcome
        .eventsByRequest()
        .forEach(
            (requestId, events) ->
                assertThat(events.stream().map(VerificationResult::verificationId).distinct())
                    .as(requestId)
                    .hasSize(1));
    try (Connection c = outcome.database().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM verifications")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(outcome.run.requests.size());
    }
  }

  @Test
  void callbacksDecideWithoutWaitingForTheLadder() {
    Set<UUID> decided = new HashSet<>();
    outcome
        .eventsByRequest()
        .forEach(
            (requestId, events) -> {
              VerificationResult last = events.get(events.size() - 1);
              if (last.status() == ResultStatus.PASSED || last.status() == ResultStatus.FAILED) {
                // the ladder's first step was 10 minutes away on the reconcilers' clock, which had
                // not moved yet: only the user's return could have led to this decision
                assertThat(outcome.finalBeforeClockMoved).as(requestId).contains(requestId);
                decided.add(last.verificationId());
              }
            });
    assertThat(decided).isNotEmpty();
    Set<UUID> calledBack = new HashSet<>();
    outcome
        .internalTopics
        .get(Topics.CALLBACKS)
        .forEach(r -> calledBack.add(UUID.fromString(PipelineOutcome.key(r))));
    assertThat(calledBack).containsAll(decided);
    assertThat(outcome.queries())
        .filteredOn(q -> decided.contains(q.verificationId()))
        .allSatisfy(q -> assertThat(q.reason()).isNotEqualTo(QueryReason.FINAL));
  }

  @Test
  void forgedAlteredAndExpiredCallbacksAreRefusedAndPublishNothing() {
    assertThat(outcome.forgedFor).isNotEmpty();
    assertThat(outcome.forgedStatuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
    for (ConsumerRecord<byte[], byte[]> record : outcome.internalTopics.get(Topics.CALLBACKS)) {
      String text = new String(record.value(), StandardCharsets.UTF_8);
      outcome.forgedFor.forEach(id -> assertThat(text).doesNotContain(id.toString()));
    }
  }

  @Test
  void usersWhoWalkAwayExpireOnlyAfterAFinalQuery() {
    Set<UUID> expired = new HashSet<>();
    outcome
        .eventsByRequest()
        .forEach(
            (requestId, events) -> {
              VerificationResult last = events.get(events.size() - 1);
              if (last.status() == ResultStatus.EXPIRED) {
                assertThat(outcome.finalBeforeClockMoved).as(requestId).doesNotContain(requestId);
                expired.add(last.verificationId());
              }
            });
    Set<UUID> finalQueried = new HashSet<>();
    outcome.queries().stream()
        .filter(q -> q.reason() == QueryReason.FINAL)
        .forEach(q -> finalQueried.add(q.verificationId()));
    assertThat(expired).isNotEmpty();
    assertThat(finalQueried).containsAll(expired);
  }

  @Test
  void bothReconcilersTookPartAndStillOneFinalEventEach() throws Exception {
    Set<String> deciders = new HashSet<>();
    try (Connection c = outcome.database().getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT DISTINCT source FROM verification_transitions"
                    + " WHERE to_status IN ('PASSED', 'FAILED', 'EXPIRED')")) {
      while (rows.next()) {
        deciders.add(rows.getString(1));
      }
    }
    assertThat(deciders)
        .containsExactlyInAnyOrder("reconciler@devstack-1", "reconciler@devstack-2");
    long finals =
        outcome.results.stream().filter(r -> PipelineRun.parse(r.value()).isFinal()).count();
    assertThat(finals).isEqualTo(outcome.run.requests.size());
  }

  @Test
  void everyDocumentedSeriesIsOnEachServicesPrometheusEndpoint() {
    List<MetricsCatalog.Series> documented = MetricsCatalog.read();
    StackSettings settings = outcome.stack.settings();
    Map<String, List<Integer>> ports = new LinkedHashMap<>();
    ports.put("intake", List.of(settings.intakePort()));
    ports.put("worker", List.of(settings.workerPort()));
    ports.put(
        "reconciler",
        IntStream.range(0, settings.reconcilers()).mapToObj(settings::reconcilerPort).toList());
    // some series are read on a timer (lag, backlogs: every 15 s): wait for them, not for a time
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () ->
                ports.forEach(
                    (service, servicePorts) -> {
                      for (int port : servicePorts) {
                        PrometheusScrape scrape = PrometheusScrape.of(service + "-" + port, port);
                        List<String> expected =
                            documented.stream()
                                .filter(series -> series.services().contains(service))
                                .map(MetricsCatalog.Series::scrapedName)
                                .toList();
                        assertThat(scrape.seriesNames())
                            .as("series of docs/metrics.md on %s (%s)", service, port)
                            .containsAll(expected);
                      }
                    }));
  }

  @Test
  void noVerificationIdRequestIdOrPiiInAnyScrape() {
    StackSettings settings = outcome.stack.settings();
    String all =
        PrometheusScrape.of("intake", settings.intakePort()).text()
            + PrometheusScrape.of("worker", settings.workerPort()).text()
            + PrometheusScrape.of("reconciler", settings.reconcilerPort(0)).text();
    outcome
        .run
        .requests
        .keySet()
        .forEach(requestId -> assertThat(all).doesNotContain("\"" + requestId + "\""));
    outcome
        .eventsByRequest()
        .values()
        .forEach(
            events -> assertThat(all).doesNotContain(events.get(0).verificationId().toString()));
    for (FakeIdentity person : outcome.run.identities) {
      assertThat(all).doesNotContain(person.certNo()).doesNotContain(person.certName());
    }
  }

  @Test
  void noCertNameOrCertNoInResultsInternalTopicsOrLogs() {
    assertThat(outcome.internalTopics)
        .containsKeys(
            Topics.RESULTS,
            Topics.CALLBACKS,
            Topics.QUERIES,
            Topics.QUERY_RESULTS,
            Topics.REQUESTS_DLT);
    assertThat(CapturedLogs.eventCount()).isPositive();
    // the search does find PII where it belongs: on verification-requests
    String requests =
        WholeTopicReader.readAll(outcome.stack.bootstrapServers(), Topics.REQUESTS).stream()
            .map(PipelineOutcome::recordText)
            .reduce("", String::concat);
    assertThat(requests).contains(outcome.run.identities.get(0).certNo());
    for (FakeIdentity person : outcome.run.identities) {
      outcome.internalTopics.forEach(
          (topic, records) ->
              records.forEach(
                  record -> {
                    String text = PipelineOutcome.recordText(record);
                    assertThat(text).as(topic).doesNotContain(person.certNo());
                    assertThat(text).as(topic).doesNotContain(person.certName());
                  }));
      assertThat(outcome.logs).doesNotContain(person.certNo()).doesNotContain(person.certName());
    }
  }

  /**
   * Once the growing tables hold many finished verifications, the plan PostgreSQL chooses for every
   * statement the services run (auto_explain, for as long as it takes the reconcilers' ladder scan
   * and relay to run and intake to answer repeated requests) reads none of them in full: the cost
   * per verification stays flat as history piles up. Last, because it adds rows.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void noStatementReadsAGrowingTableInFullWhenTheTablesAreLarge() throws Exception {
    long rows;
    try (Connection c = outcome.database().getConnection()) {
      rows = QueryPlans.growWithFinishedCopies(c, PLAN_COPIES);
    }
    assertThat(rows).isGreaterThan(10L * PLAN_COPIES);
    var postgres = outcome.stack.infrastructure().postgres();
    java.nio.file.Path log = postgres.logFile();
    long from = java.nio.file.Files.size(log);
    List<QueryPlans.LoggedPlan> plans;
    try (AutoCloseable everyPlan = QueryPlans.logEveryPlan(postgres)) {
      outcome.run.post(3); // intake: the same requests again, answered from what is stored
      plans =
          await()
              .atMost(Duration.ofMinutes(3))
              .until(
                  () -> QueryPlans.loggedPlans(log, from),
                  logged ->
                      QueryPlans.HOT_STATEMENTS.stream()
                          .allMatch(
                              shape -> logged.stream().anyMatch(p -> p.query().contains(shape))));
    }
    StringBuilder report =
        new StringBuilder("# Plans with " + rows + " verifications in the table\n\n");
    Map<String, List<String>> fullScans = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (QueryPlans.LoggedPlan logged : plans) {
      String query = logged.query().replaceAll("\\s+", " ").trim();
      if (!seen.add(query)) {
        continue;
      }
      report
          .append("- `")
          .append(query)
          .append("`: ")
          .append(String.join(" > ", QueryPlans.nodes(logged.plan())))
          .append('\n');
      List<String> scans = QueryPlans.fullScansOfGrowingTables(logged.plan());
      if (!scans.isEmpty()) {
        fullScans.put(query, scans);
      }
    }
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", getClass().getSimpleName() + "-query-plans.md"), report);
    assertThat(fullScans).as(report.toString()).isEmpty();
  }
}
