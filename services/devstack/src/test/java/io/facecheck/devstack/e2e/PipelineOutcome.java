package io.facecheck.devstack.e2e;

import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.CallbackToken;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.demo.ResultWatcher;
import io.facecheck.devstack.stack.AlipaySetup;
import io.facecheck.devstack.stack.Stack;
import io.facecheck.devstack.stack.StackSettings;
import io.facecheck.simulator.certification.CertificationStatus;
import io.facecheck.simulator.scenario.Latency;
import io.facecheck.simulator.scenario.Scenario;
import io.facecheck.simulator.scenario.UserBehaviour;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.WholeTopicReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The whole pipeline in one run, and what it left behind: 200 requests over Kafka (10 of them
 * produced twice) and 20 over HTTP (one posted twice), users played by the simulator's automatic
 * user with a fixed seed, two reconcilers side by side, a ladder whose first step is 10 minutes
 * away (so only callbacks can decide quickly), and the reconcilers' clock moved past the TTL at the
 * end so the users who walked away expire. The run happens once, for every test.
 */
final class PipelineOutcome implements AutoCloseable {

  private static final int KAFKA_REQUESTS = 200;
  private static final int PRODUCED_TWICE = 10;
  private static final int HTTP_REQUESTS = 20;
  private static final Duration WAIT = Duration.ofMinutes(4);
  private static final Pattern CERTIFY_ID = Pattern.compile("\"certify_id\":\"([0-9a-zA-Z]+)\"");

  private final MutableClock reconcilerClock = MutableClock.running();
  Stack stack;
  private ResultWatcher watcher;
  PipelineRun run;
  private final Map<String, List<VerificationResult>> seen = new ConcurrentHashMap<>();

  /** What the run left behind, read once everything is final. */
  List<ConsumerRecord<byte[], byte[]>> results;

  final Map<String, List<ConsumerRecord<byte[], byte[]>>> internalTopics = new HashMap<>();
  final Map<String, CertificationStatus> userDid = new HashMap<>();
  final Set<String> finalBeforeClockMoved = new HashSet<>();
  final Set<UUID> forgedFor = new HashSet<>();
  final List<Integer> forgedStatuses = new ArrayList<>();
  String logs;

  /** Starts the stack, runs the pipeline to the end and reads what it left behind. */
  static PipelineOutcome runOnce() throws Exception {
    return runOnce(AlipaySetup.PUBLIC_KEY);
  }

  /** As {@link #runOnce()}, with the Alipay app in {@code alipay}'s mode and encryption. */
  static PipelineOutcome runOnce(AlipaySetup alipay) throws Exception {
    PipelineOutcome o = new PipelineOutcome();
    try {
      o.runThePipeline(alipay);
    } catch (Exception | Error e) {
      o.close();
      throw e;
    }
    return o;
  }

  private void runThePipeline(AlipaySetup alipay) throws Exception {
    Path dataDirectory = Files.createTempDirectory("facecheck-e2e");
    Scenario scenario =
        Scenario.none()
            .withSeed(7)
            .withLatency(Latency.uniform(5, 40))
            // 70 % pass, 20 % fail, 10 % walk away, within a few seconds. The simulated user's
            // clock starts at initialize, not when the certify URL reaches anyone: a delay shorter
            // than the worker's commit of AWAITING_USER would have users return before they could
            .withAutoUser(UserBehaviour.after(1_000, 0.7 / 0.9, 0.1).withDelayJitterMs(1_500));
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
            Map.of(),
            alipay);
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

    results = WholeTopicReader.readAll(stack.bootstrapServers(), Topics.RESULTS);
    for (String topic : WholeTopicReader.topics(stack.bootstrapServers())) {
      if (!topic.equals(Topics.REQUESTS)) {
        internalTopics.put(topic, WholeTopicReader.readAll(stack.bootstrapServers(), topic));
      }
    }
    logs = CapturedLogs.all();
  }

  @Override
  public void close() throws Exception {
    if (watcher != null) {
      watcher.close();
    }
    if (stack != null) {
      stack.close();
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

  Map<String, List<VerificationResult>> eventsByRequest() {
    Map<String, List<VerificationResult>> byRequest = new HashMap<>();
    results.stream()
        .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
        .map(r -> PipelineRun.parse(r.value()))
        .forEach(e -> byRequest.computeIfAbsent(e.requestId(), k -> new ArrayList<>()).add(e));
    return byRequest;
  }

  List<VerificationQuery> queries() {
    return internalTopics.get(Topics.QUERIES).stream()
        .map(r -> PayloadJson.mapper().readValue(r.value(), VerificationQuery.class))
        .toList();
  }

  PGSimpleDataSource database() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(stack.jdbcUrl());
    ds.setUser("facecheck");
    ds.setPassword("facecheck");
    return ds;
  }

  static String certifyId(String certifyUrl) {
    Matcher m = CERTIFY_ID.matcher(URLDecoder.decode(certifyUrl, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new AssertionError("no certify_id in the certify URL");
    }
    return m.group(1);
  }

  static String key(ConsumerRecord<byte[], byte[]> record) {
    return new String(record.key(), StandardCharsets.UTF_8);
  }

  static String recordText(ConsumerRecord<byte[], byte[]> record) {
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
