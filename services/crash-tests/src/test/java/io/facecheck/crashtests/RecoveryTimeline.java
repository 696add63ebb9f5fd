package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.crashtests.PipelineTables.VerificationRow;
import io.facecheck.crashtests.ReturningUsers.Return;
import io.facecheck.statemachine.Causes;
import io.facecheck.testinfra.WholeTopicReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where the time after SIGCONT went, for the verifications whose users came back during the pause:
 * when the reconciler recorded each return, when queries were asked and answered (by reason), when
 * each was decided. Figures only, from PostgreSQL's timeline and the internal topics.
 */
final class RecoveryTimeline {

  private RecoveryTimeline() {}

  static void print(PipelineTables tables, String bootstrapServers, PauseRun run) throws Exception {
    String client = run.batch().clientId();
    Set<String> returned =
        run.returnsDuringPause().stream().map(Return::requestId).collect(Collectors.toSet());
    Set<UUID> ids =
        tables.verifications(client).stream()
            .filter(v -> returned.contains(v.requestId()))
            .map(VerificationRow::id)
            .collect(Collectors.toSet());
    Instant resumed = run.resumedAt();
    Map<UUID, Instant> recorded = tables.firstRowWithCause(client, Causes.USER_RETURNED);
    Map<UUID, Instant> decided = tables.decidedAt(client);
    List<VerificationQuery> queries =
        WholeTopicReader.readAll(bootstrapServers, Topics.QUERIES).stream()
            .map(r -> PayloadJson.mapper().readValue(r.value(), VerificationQuery.class))
            .filter(q -> ids.contains(q.verificationId()))
            .toList();
    List<VerificationQueryResult> answers =
        WholeTopicReader.readAll(bootstrapServers, Topics.QUERY_RESULTS).stream()
            .map(r -> PayloadJson.mapper().readValue(r.value(), VerificationQueryResult.class))
            .filter(a -> ids.contains(a.verificationId()))
            .toList();
    System.out.printf(
        "pg-pause: after SIGCONT, for the %d users back during the pause: return recorded %s,"
            + " decided %s%n",
        ids.size(),
        PauseChecks.spread(since(resumed, ids, recorded)),
        PauseChecks.spread(since(resumed, ids, decided)));
    System.out.printf(
        "pg-pause: their queries by reason %s; answers after SIGCONT %s%n",
        byReason(queries.stream().map(q -> q.reason().name()).toList()),
        byReason(
            answers.stream()
                .filter(a -> !a.queriedAt().isBefore(resumed))
                .map(a -> a.reason().name() + "=" + a.outcome().name())
                .toList()));
    // the slowest to be decided, in full: where its time after SIGCONT went
    ids.stream()
        .filter(decided::containsKey)
        .max(Comparator.comparing(decided::get))
        .ifPresent(id -> printSlowest(tables, id, queries, answers));
  }

  private static void printSlowest(
      PipelineTables tables,
      UUID id,
      List<VerificationQuery> queries,
      List<VerificationQueryResult> answers) {
    StringBuilder text = new StringBuilder("pg-pause: slowest decided, " + id + ":\n");
    try {
      tables.timelineText(id).forEach(line -> text.append("  row    ").append(line).append('\n'));
    } catch (SQLException e) {
      text.append("  (timeline unreadable: ").append(e).append(")\n");
    }
    queries.stream()
        .filter(q -> q.verificationId().equals(id))
        .forEach(
            q ->
                text.append("  query  ")
                    .append(q.requestedAt())
                    .append(' ')
                    .append(q.reason())
                    .append('\n'));
    answers.stream()
        .filter(a -> a.verificationId().equals(id))
        .forEach(
            a ->
                text.append("  answer ")
                    .append(a.queriedAt())
                    .append(' ')
                    .append(a.reason())
                    .append(' ')
                    .append(a.outcome())
                    .append('\n'));
    System.out.print(text);
  }

  private static List<Duration> since(Instant resumed, Set<UUID> ids, Map<UUID, Instant> moments) {
    return ids.stream()
        .map(moments::get)
        .filter(at -> at != null)
        .map(at -> Duration.between(resumed, at))
        .toList();
  }

  private static Map<String, Long> byReason(List<String> reasons) {
    return reasons.stream()
        .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
  }
}
