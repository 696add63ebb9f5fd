package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.crashtests.PipelineTables.VerificationRow;
import io.facecheck.crashtests.ReturningUsers.Return;
import io.facecheck.statemachine.Causes;
import io.facecheck.testinfra.TopicDump;
import java.time.Duration;
import java.time.Instant;
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
        TopicDump.all(bootstrapServers, Topics.QUERIES).stream()
            .map(r -> PayloadJson.mapper().readValue(r.value(), VerificationQuery.class))
            .filter(q -> ids.contains(q.verificationId()))
            .toList();
    List<VerificationQueryResult> answers =
        TopicDump.all(bootstrapServers, Topics.QUERY_RESULTS).stream()
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
        "pg-pause: their queries asked after SIGCONT: %s, asked %s after it; answers: %s%n",
        byReason(
            queries.stream()
                .filter(q -> !q.requestedAt().isBefore(resumed))
                .map(q -> q.reason().name())
                .toList()),
        PauseChecks.spread(
            queries.stream()
                .map(VerificationQuery::requestedAt)
                .filter(at -> !at.isBefore(resumed))
                .map(at -> Duration.between(resumed, at))
                .toList()),
        byReason(
            answers.stream()
                .filter(a -> !a.queriedAt().isBefore(resumed))
                .map(a -> a.reason().name() + "=" + a.outcome().name())
                .toList()));
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
