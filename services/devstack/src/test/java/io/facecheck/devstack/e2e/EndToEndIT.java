package io.facecheck.devstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.query.QueryReason;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.demo.ResultWatcher;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.AutoUser;
import io.facecheck.simulator.Latency;
import io.facecheck.simulator.Scenario;
import io.facecheck.simulator.certification.CertificationStatus;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.TopicDump;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The whole pipeline in one run: 200 requests over Kafka (10 of them produced twice) and 20 over
 * HTTP (one posted twice), users played by the simulator's automatic user with a fixed seed, two
 * reconcilers side by side, a ladder whose first step is 10 minutes away (so only callbacks can
 * decide quickly), and the reconcilers' clock moved past the TTL at the end so the users who walked
 * away expire. The run happens once; each test checks one promise against what it left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

  static {
    CapturedLogs.captureConsole();
  }

  private static final int KAFKA_REQUESTS = 200;
  private static final int PRODUCED_TWICE = 10;
  private static final int HTTP_REQUESTS = 20;
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final Pattern CERTIFY_ID = Pattern.compile("\"certify_id\":\"([0-9a-zA-Z]+)\"");

  private final MutableClock reconcilerClock = MutableClock.running();
  private Stack stack;
  private ResultWatcher watcher;
  private PipelineRun run;
  private final Map<String, List<VerificationResult>> seen = new ConcurrentHashMap<>();

  /** What the run left behind, read once everything is final. */
  private List<ConsumerRecord<byte[], byte[]>> results;

  private final Map<String, List<ConsumerRecord<byte[], byte[]>>> internalTopics = new HashMap<>();
  private final Map<String, CertificationStatus> userDid = new HashMap<>();
  private final Set<String> finalBeforeClockMoved = new HashSet<>();
  private final Set<UUID> forgedFor = new HashSet<>();
  private final List<Integer> forgedStatuses = new ArrayList<>();
  private String logs;

  @BeforeAll
  void runThePipeline() throws Exception {
    Path dataDirectory = Files.createTempDirectory("facecheck-e2e");
    Scenario scenario =
        Scenario.none()
            .withSeed(7)
            .withLatency(Latency.uniform(5, 40))
            // 70 % pass, 20 % fail, 10 % walk away, within a few seconds. The simulated user's
            // clock starts at initialize, not when the certify URL reaches anyone: a delay shorter
            // than the worker's commit of AWAITING_USER would have users return before they could
            .withAutoUser(AutoUser.after(1_000, 0.7 / 0.9, 0.1).withDelayJitterMs(1_500));
    StackSettings settings =
        new StackSettings(
            0,
            0,
            0,
            0,
            0,
            0,
            6,
            dataDirectory,
            scenario,
            List.of(Duration.ofMinutes(10)),
            2,
            0,
            reconcilerClock,
            Map.of());
    stack = Stack.startAll(settings);
    watcher =
        new ResultWatcher(
            stack.bootstrapServers(),
            (event, nanos) ->
                seen.computeIfAbsent(event.requestId(), id -> new ArrayList<>()).add(event));
    run = new PipelineRun(stack);
    run.produce(KAFKA_REQUESTS, PRODUCED_TWICE);
    run.post(HTTP_REQUESTS);

    // users pass and fail through callbacks; the ladder is 10 minutes away, so only the ones who
    // walked away are left waiting
    await("every user acted").atMost(WAIT).until(this::everyUserActed);
    run.requests.keySet().stream().filter(this::isFinal).forEach(finalBeforeClockMoved::add);
    forgeCallbacksForUsersWhoWalkedAway();

    reconcilerClock.advance(Duration.ofSeconds(PipelineRun.TTL_SECONDS + 60));
    await("every verification final")
        .atMost(WAIT)
        .until(() -> run.requests.keySet().stream().allMatch(this::isFinal));

    results = TopicDump.all(stack.bootstrapServers(), Topics.RESULTS);
    for (String topic : TopicDump.topics(stack.bootstrapServers())) {
      if (!topic.equals(Topics.REQUESTS)) {
        internalTopics.put(topic, TopicDump.all(stack.bootstrapServers(), topic));
      }
    }
    logs = CapturedLogs.all();
  }

  @AfterAll
  void stop() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyRequestEndsInExactlyOneFinalEventMatchingWhatTheUserDid() {
    Map<String, List<VerificationResult>> byRequest = eventsByRequest();
    assertThat(byRequest.keySet()).containsExactlyInAnyOrderElementsOf(run.requests.keySet());
    Map<ResultStatus, Integer> counts = new HashMap<>();
    byRequest.forEach(
        (requestId, events) -> {
          List<VerificationResult> finals = events.stream().filter(e -> e.isFinal()).toList();
          assertThat(finals).as(requestId).hasSize(1);
          ResultStatus expected =
              switch (userDid.get(requestId)) {
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
    results.forEach(r -> byKey.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r));
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
    for (ConsumerRecord<byte[], byte[]> record : results) {
      VerificationResult event = PipelineRun.parse(record.value());
      assertThat(event.eventId())
          .isEqualTo(VerificationResult.eventIdFor(event.verificationId(), event.type()));
      assertThat(key(record)).isEqualTo(Topics.resultKey(event.clientId(), event.requestId()));
    }
  }

  @Test
  void theSameRequestTwiceIsOneVerification() throws Exception {
    assertThat(run.httpStatuses).allSatisfy(status -> assertThat(status).isBetween(200, 202));
    eventsByRequest()
        .forEach(
            (requestId, events) ->
                assertThat(events.stream().map(VerificationResult::verificationId).distinct())
                    .as(requestId)
                    .hasSize(1));
    try (Connection c = database().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM verifications")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(run.requests.size());
    }
  }

  @Test
  void callbacksDecideWithoutWaitingForTheLadder() {
    Set<UUID> decided = new HashSet<>();
    eventsByRequest()
        .forEach(
            (requestId, events) -> {
              VerificationResult last = events.get(events.size() - 1);
              if (last.status() == ResultStatus.PASSED || last.status() == ResultStatus.FAILED) {
                // the ladder's first step was 10 minutes away on the reconcilers' clock, which had
                // not moved yet: only the user's return could have led to this decision
                assertThat(finalBeforeClockMoved).as(requestId).contains(requestId);
                decided.add(last.verificationId());
              }
            });
    assertThat(decided).isNotEmpty();
    Set<UUID> calledBack = new HashSet<>();
    internalTopics.get(Topics.CALLBACKS).forEach(r -> calledBack.add(UUID.fromString(key(r))));
    assertThat(calledBack).containsAll(decided);
    assertThat(queries())
        .filteredOn(q -> decided.contains(q.verificationId()))
        .allSatisfy(q -> assertThat(q.reason()).isNotEqualTo(QueryReason.FINAL));
  }

  @Test
  void forgedAlteredAndExpiredCallbacksAreRefusedAndPublishNothing() {
    assertThat(forgedFor).isNotEmpty();
    assertThat(forgedStatuses).allSatisfy(status -> assertThat(status).isBetween(400, 499));
    for (ConsumerRecord<byte[], byte[]> record : internalTopics.get(Topics.CALLBACKS)) {
      String text = new String(record.value(), StandardCharsets.UTF_8);
      forgedFor.forEach(id -> assertThat(text).doesNotContain(id.toString()));
    }
  }

  @Test
  void usersWhoWalkAwayExpireOnlyAfterAFinalQuery() {
    Set<UUID> expired = new HashSet<>();
    eventsByRequest()
        .forEach(
            (requestId, events) -> {
              VerificationResult last = events.get(events.size() - 1);
              if (last.status() == ResultStatus.EXPIRED) {
                assertThat(finalBeforeClockMoved).as(requestId).doesNotContain(requestId);
                expired.add(last.verificationId());
              }
            });
    Set<UUID> finalQueried = new HashSet<>();
    queries().stream()
        .filter(q -> q.reason() == QueryReason.FINAL)
        .forEach(q -> finalQueried.add(q.verificationId()));
    assertThat(expired).isNotEmpty();
    assertThat(finalQueried).containsAll(expired);
  }

  @Test
  void bothReconcilersTookPartAndStillOneFinalEventEach() throws Exception {
    Set<String> deciders = new HashSet<>();
    try (Connection c = database().getConnection();
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
    long finals = results.stream().filter(r -> PipelineRun.parse(r.value()).isFinal()).count();
    assertThat(finals).isEqualTo(run.requests.size());
  }

  @Test
  void noCertNameOrCertNoInResultsInternalTopicsOrLogs() {
    assertThat(internalTopics)
        .containsKeys(
            Topics.RESULTS,
            Topics.CALLBACKS,
            Topics.QUERIES,
            Topics.QUERY_RESULTS,
            Topics.REQUESTS_DLT);
    assertThat(CapturedLogs.eventCount()).isPositive();
    // the search does find PII where it belongs: on verification-requests
    String requests =
        TopicDump.all(stack.bootstrapServers(), Topics.REQUESTS).stream()
            .map(EndToEndIT::recordText)
            .reduce("", String::concat);
    assertThat(requests).contains(run.identities.get(0).certNo());
    for (FakeIdentity person : run.identities) {
      internalTopics.forEach(
          (topic, records) ->
              records.forEach(
                  record -> {
                    String text = recordText(record);
                    assertThat(text).as(topic).doesNotContain(person.certNo());
                    assertThat(text).as(topic).doesNotContain(person.certName());
                  }));
      assertThat(logs).doesNotContain(person.certNo()).doesNotContain(person.certName());
    }
  }

  private boolean everyUserActed() {
    for (String requestId : run.requests.keySet()) {
      List<VerificationResult> events = seen.get(requestId);
      if (events == null) {
        return false;
      }
      String url =
          events.stream()
              .filter(e -> e.type() == ResultType.CERTIFY_URL_ISSUED)
              .map(VerificationResult::certifyUrl)
              .findFirst()
              .orElse(null);
      if (url == null) {
        return false;
      }
      CertificationStatus status =
          stack.simulator().certificationStatus(certifyId(url)).orElseThrow();
      userDid.put(requestId, status);
      boolean settled =
          status == CertificationStatus.ABANDONED || (status.isFinal() && isFinal(requestId));
      if (!settled) {
        return false;
      }
    }
    return true;
  }

  private void forgeCallbacksForUsersWhoWalkedAway() throws Exception {
    CallbackToken wrongKey = new CallbackToken("not the secret, but long enough to be used");
    CallbackToken rightKey = new CallbackToken(stack.secrets().callbackSecret());
    Instant later = Instant.now().plus(Duration.ofHours(1));
    List<UUID> walkedAway =
        userDid.entrySet().stream()
            .filter(e -> e.getValue() == CertificationStatus.ABANDONED)
            .map(e -> seen.get(e.getKey()).get(0).verificationId())
            .limit(5)
            .toList();
    for (UUID id : walkedAway) {
      forgedFor.add(id);
      String valid = rightKey.issue(id, later);
      char flipped = valid.charAt(10) == 'A' ? 'B' : 'A';
      String altered = valid.substring(0, 10) + flipped + valid.substring(11);
      forgedStatuses.add(run.callback(wrongKey.issue(id, later)));
      forgedStatuses.add(run.callback(altered));
      forgedStatuses.add(run.callback(rightKey.issue(id, Instant.now().minusSeconds(3600))));
      forgedStatuses.add(run.callback("not-a-token"));
    }
  }

  private boolean isFinal(String requestId) {
    List<VerificationResult> events = seen.get(requestId);
    return events != null && events.stream().anyMatch(VerificationResult::isFinal);
  }

  private Map<String, List<VerificationResult>> eventsByRequest() {
    Map<String, List<VerificationResult>> byRequest = new HashMap<>();
    results.stream()
        .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
        .map(r -> PipelineRun.parse(r.value()))
        .forEach(e -> byRequest.computeIfAbsent(e.requestId(), k -> new ArrayList<>()).add(e));
    return byRequest;
  }

  private List<VerificationQuery> queries() {
    return internalTopics.get(Topics.QUERIES).stream()
        .map(r -> PayloadJson.mapper().readValue(r.value(), VerificationQuery.class))
        .toList();
  }

  private PGSimpleDataSource database() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(stack.jdbcUrl());
    ds.setUser("facecheck");
    ds.setPassword("facecheck");
    return ds;
  }

  private static String certifyId(String certifyUrl) {
    Matcher m = CERTIFY_ID.matcher(URLDecoder.decode(certifyUrl, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new AssertionError("no certify_id in the certify URL");
    }
    return m.group(1);
  }

  private static String key(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  private static String recordText(ConsumerRecord<byte[], byte[]> record) {
    StringBuilder text = new StringBuilder();
    if (record.key() != null) {
      text.append(new String(record.key(), StandardCharsets.UTF_8));
    }
    if (record.value() != null) {
      text.append(new String(record.value(), StandardCharsets.UTF_8));
    }
    for (Header header : record.headers()) {
      text.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
