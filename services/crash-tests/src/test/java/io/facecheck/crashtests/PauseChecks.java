package io.facecheck.crashtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.crashtests.IntakeDoor.Attempt;
import io.facecheck.crashtests.PipelineTables.VerificationRow;
import io.facecheck.crashtests.ReturningUsers.Return;
import io.facecheck.statemachine.VerificationStatus;
import io.facecheck.testinfra.WholeTopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;

/**
 * The pause's own verdict, before {@link CrashChecks}' general one: every user who came back while
 * PostgreSQL was stopped reached the business page and had a callback published; intake answered no
 * POST with a 5xx other than 503 with Retry-After, nor left one unanswered; every request ended
 * final, as its user did at the simulator, none EXPIRED. Soft assertions, so that a failing run
 * lists every kind of damage at once, and figures printed either way.
 */
final class PauseChecks {

  /** Clock skew between intake's stamp and this JVM's (one machine, one clock): a margin only. */
  private static final Duration SKEW = Duration.ofSeconds(1);

  private static final int SHOWN = 12;

  /**
   * How long a client waits for intake: what the simulator's browser waits for a return_url. An
   * intake that fails fast answers in milliseconds; one that waits for PostgreSQL (Hikari's 30 s)
   * does not.
   */
  static final Duration PATIENCE = Duration.ofSeconds(15);

  private final PauseRun run;
  private final BusinessReturnPage businessPage;
  private final SimulatorCertifications simulator;
  private final List<VerificationRow> rows;
  private final Map<String, VerificationRow> rowByRequest;
  private final Map<UUID, List<Instant>> callbacksReceived;
  private final Map<String, Long> deadLetters;

  PauseChecks(
      PipelineTables tables,
      String bootstrapServers,
      BusinessReturnPage businessPage,
      SimulatorCertifications simulator,
      PauseRun run)
      throws Exception {
    this.run = run;
    this.businessPage = businessPage;
    this.simulator = simulator;
    this.rows = tables.verifications(run.batch().clientId());
    this.rowByRequest =
        rows.stream().collect(Collectors.toMap(VerificationRow::requestId, Function.identity()));
    Set<UUID> ids = rows.stream().map(VerificationRow::id).collect(Collectors.toSet());
    this.callbacksReceived =
        WholeTopicReader.readAll(bootstrapServers, Topics.CALLBACKS).stream()
            .map(r -> PayloadJson.mapper().readValue(r.value(), VerificationCallback.class))
            .filter(c -> ids.contains(c.verificationId()))
            .collect(
                Collectors.groupingBy(
                    VerificationCallback::verificationId,
                    Collectors.mapping(VerificationCallback::receivedAt, Collectors.toList())));
    this.deadLetters = deadLetters(bootstrapServers, ids, run.batch().clientId());
  }

  void report() {
    List<Return> during = run.returnsDuringPause();
    long landedDuring = during.stream().filter(r -> r.landed() && landedDuringPause(r)).count();
    System.out.printf(
        "pg-pause: PostgreSQL stopped (SIGSTOP to %d processes) at %s for %.1f s, SIGCONT at %s%n",
        run.processesStopped(), run.pausedAt(), run.pause().toMillis() / 1000.0, run.resumedAt());
    System.out.printf(
        "pg-pause: %d users returned during the pause; %d reached the business page before SIGCONT,"
            + " %d in the end; callback answered and redirected in %s; %d visits failed%s%n",
        during.size(),
        landedDuring,
        during.stream().filter(Return::landed).count(),
        spread(during.stream().map(Return::took).toList()),
        during.stream().filter(r -> !r.landed()).count(),
        during.stream()
            .filter(r -> !r.landed())
            .findFirst()
            .map(r -> " (first: " + r.returnUrlError() + ")")
            .orElse(""));
    long callbacksDuring =
        callbacksReceived.values().stream().flatMap(List::stream).filter(run::duringPause).count();
    System.out.printf(
        "pg-pause: %d callbacks on verification-callbacks stamped during the pause (%d in all);"
            + " intake stamped them %s after the user left Alipay%n",
        callbacksDuring,
        callbacksReceived.values().stream().mapToLong(List::size).sum(),
        spread(during.stream().map(this::untilStamped).flatMap(Optional::stream).toList()));
    List<Attempt> postsDuring = run.postsDuringPause();
    System.out.printf(
        "pg-pause: %d POSTs sent during the pause (%d requests): %s, answered in %s; %d after"
            + " SIGCONT; %d accepted in the end%n",
        postsDuring.size(),
        postsDuring.stream().map(Attempt::requestId).distinct().count(),
        answers(postsDuring),
        spread(postsDuring.stream().map(Attempt::took).toList()),
        run.posts().size() - postsDuring.size(),
        lastAttempts().values().stream().filter(Attempt::accepted).count());
    System.out.printf(
        "pg-pause: %d requests produced to Kafka during the pause%n", run.producedDuringPause());
    System.out.printf(
        "pg-pause: after SIGCONT, every user who returned during the pause decided in %s, every"
            + " request final and published in %s%n",
        run.afterResume(run.returnsDecided()).map(PauseChecks::seconds).orElse("(never)"),
        run.afterResume(run.settled()).map(PauseChecks::seconds).orElse("(never)"));
    System.out.printf(
        "pg-pause: statuses %s; dead letters of this run %s%n", statusCounts(), deadLetters);
  }

  void verify() throws Exception {
    List<Return> during = run.returnsDuringPause();
    assertThat(during.size())
        .as("users whose return fell inside the pause (the window was hit)")
        .isGreaterThanOrEqualTo(run.returns().size() * 9 / 10);
    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(
            shown(during.stream().filter(r -> !notLanded(r).isEmpty()).toList(), this::notLanded))
        .as("users who came back during the pause but never reached the business page")
        .isEmpty();
    softly
        .assertThat(
            shown(
                during.stream().filter(r -> !hasCallbackDuring(r)).toList(), this::callbackMissing))
        .as("users who came back during the pause with no callback published for that return")
        .isEmpty();
    softly
        .assertThat(
            shown(run.posts().stream().filter(Attempt::isFault).toList(), PauseChecks::describe))
        .as("POSTs answered 5xx (other than 503 with Retry-After) or not at all")
        .isEmpty();
    softly
        .assertThat(
            shown(
                run.postsDuringPause().stream()
                    .filter(a -> a.took().compareTo(PATIENCE) > 0)
                    .toList(),
                PauseChecks::describe))
        .as("POSTs during the pause answered after more than %s", seconds(PATIENCE))
        .isEmpty();
    softly
        .assertThat(
            shown(
                lastAttempts().values().stream().filter(a -> !a.accepted()).toList(),
                PauseChecks::describe))
        .as("POSTed requests never accepted")
        .isEmpty();
    softly
        .assertThat(run.batch().size() - rows.size())
        .as("requests without a verification")
        .isZero();
    List<String> wrong = new ArrayList<>();
    for (VerificationRow row : rows) {
      String earned =
          row.certifyId() == null ? "(no certification)" : simulator.find(row.certifyId()).status();
      if (!row.status().name().equals(earned)) {
        wrong.add(row.requestId() + " " + row.status() + ", its user " + earned + returnOf(row));
      }
    }
    softly
        .assertThat(wrong.stream().limit(SHOWN).toList())
        .as(
            "%d verifications not ending as their user did (EXPIRED, FAILED, PASSED or not final)",
            wrong.size())
        .isEmpty();
    softly.assertAll();
  }

  private String notLanded(Return r) {
    if (r.landed() && businessPage.landedAt(r.requestId()) != null) {
      return "";
    }
    return r.requestId()
        + ": "
        + (r.returnUrlStatus() != null ? "HTTP " + r.returnUrlStatus() : r.returnUrlError())
        + " after "
        + seconds(r.took());
  }

  private boolean landedDuringPause(Return r) {
    Instant landed = businessPage.landedAt(r.requestId());
    return landed != null && run.duringPause(landed);
  }

  /** From the user's leaving Alipay to intake's stamp on the first callback after it. */
  private Optional<Duration> untilStamped(Return r) {
    VerificationRow row = rowByRequest.get(r.requestId());
    Instant from = r.startedAt().minus(SKEW);
    return row == null
        ? Optional.empty()
        : callbacksReceived.getOrDefault(row.id(), List.of()).stream()
            .filter(at -> !at.isBefore(from))
            .min(Instant::compareTo)
            .map(at -> Duration.between(r.startedAt(), at));
  }

  private boolean hasCallbackDuring(Return r) {
    VerificationRow row = rowByRequest.get(r.requestId());
    Instant from = r.startedAt().minus(SKEW);
    Instant to = r.startedAt().plus(r.took()).plus(SKEW);
    return row != null
        && callbacksReceived.getOrDefault(row.id(), List.of()).stream()
            .anyMatch(at -> !at.isBefore(from) && !at.isAfter(to));
  }

  private String callbackMissing(Return r) {
    VerificationRow row = rowByRequest.get(r.requestId());
    return r.requestId()
        + " returned at "
        + r.startedAt()
        + "; callbacks "
        + (row == null ? "(no verification)" : callbacksReceived.getOrDefault(row.id(), List.of()));
  }

  private String returnOf(VerificationRow row) {
    return run.returns().stream()
        .filter(r -> r.requestId().equals(row.requestId()))
        .findFirst()
        .map(
            r ->
                " (returned at "
                    + r.startedAt()
                    + (r.landed() ? ", landed)" : ", " + notLanded(r) + ")"))
        .orElse("");
  }

  private Map<String, Attempt> lastAttempts() {
    return run.posts().stream()
        .collect(
            Collectors.toMap(
                Attempt::requestId, a -> a, (a, b) -> a.sentAt().isAfter(b.sentAt()) ? a : b));
  }

  private Map<VerificationStatus, Long> statusCounts() {
    return rows.stream()
        .collect(
            Collectors.groupingBy(VerificationRow::status, TreeMap::new, Collectors.counting()));
  }

  private static String describe(Attempt a) {
    return a.requestId()
        + ": "
        + (a.status() == null ? "no answer" : "HTTP " + a.status())
        + (a.retryAfter() == null ? "" : " Retry-After " + a.retryAfter())
        + " after "
        + seconds(a.took());
  }

  /** Answers counted by kind: 202, 200, 503+Retry-After, 503, 500, no answer... */
  private static Map<String, Long> answers(List<Attempt> attempts) {
    return attempts.stream()
        .collect(
            Collectors.groupingBy(
                a ->
                    a.status() == null
                        ? "no answer"
                        : a.status() + (a.retryAfter() == null ? "" : "+Retry-After"),
                TreeMap::new,
                Collectors.counting()));
  }

  private static <T> List<String> shown(List<T> items, Function<T, String> describe) {
    List<String> shown = items.stream().limit(SHOWN).map(describe).collect(Collectors.toList());
    if (items.size() > SHOWN) {
      shown.add("... " + (items.size() - SHOWN) + " more");
    }
    return shown;
  }

  /** p50 / p95 / max. */
  static String spread(List<Duration> durations) {
    if (durations.isEmpty()) {
      return "(none)";
    }
    List<Duration> sorted = durations.stream().sorted().toList();
    return "p50 "
        + millis(percentile(sorted, 0.50))
        + " / p95 "
        + millis(percentile(sorted, 0.95))
        + " / max "
        + millis(sorted.get(sorted.size() - 1));
  }

  private static Duration percentile(List<Duration> sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }

  /**
   * Dead letters that belong to this run: keyed by one of its verification ids, or (requests) a
   * record naming its client.
   */
  private static Map<String, Long> deadLetters(
      String bootstrapServers, Set<UUID> verificationIds, String clientId) throws Exception {
    Set<String> existing = WholeTopicReader.topics(bootstrapServers);
    Set<String> keys = verificationIds.stream().map(UUID::toString).collect(Collectors.toSet());
    String clientField = "\"client_id\":\"" + clientId + "\"";
    Map<String, Long> counts = new TreeMap<>();
    for (String topic : existing) {
      if (!topic.endsWith(Topics.DLT_SUFFIX)) {
        continue;
      }
      long count = 0;
      for (ConsumerRecord<byte[], byte[]> r : WholeTopicReader.readAll(bootstrapServers, topic)) {
        String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
        String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
        if (keys.contains(key)
            || (topic.equals(Topics.REQUESTS_DLT) && value.contains(clientField))) {
          count++;
        }
      }
      if (count > 0) {
        counts.put(topic, count);
      }
    }
    return counts;
  }
}
