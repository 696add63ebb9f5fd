package io.facecheck.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.facecheck.contracts.Topics;
import io.facecheck.testinfra.WholeTopicReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast the relay drains a backlog, so it is never the pipeline's bottleneck. A benchmark: it
 * prints the figure and asserts only that every event arrived.
 */
class OutboxRelayThroughputBenchmark {

  private static final int EVENTS = 20_000;

  @Test
  void drainsABacklogOfResultEvents() throws Exception {
    ReconcilerInstances.createTopics();
    VerificationDatabase db = VerificationDatabase.inNewDatabase(Clock.systemUTC());
    JdbcClient sql = JdbcClient.create(db.dataSource);
    try (WholeTopicReader results = new WholeTopicReader(Topics.RESULTS);
        ConfigurableApplicationContext reconciler =
            ReconcilerInstances.start(db.database, Clock.systemUTC(), "bench", "bench")) {
      // warm-up: a small backlog first, so the figure is not the JIT's
      insertBacklog(sql, 0, 2_000);
      await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(sql) == 0);

      insertBacklog(sql, 2_000, EVENTS);
      long start = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> unpublished(sql) == 0);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "outbox relay: %d events in %.2f s = %.0f events/s (batch 500, acks=all, idempotent)%n",
          EVENTS, seconds, EVENTS / seconds);
      Set<String> keys =
          results
              .readToEnd(r -> r.key() != null && WholeTopicReader.key(r).startsWith("bench:"))
              .stream()
              .map(WholeTopicReader::key)
              .collect(Collectors.toSet());
      assertThat(keys).hasSize(2_000 + EVENTS);
    }
  }

  /** Rejected verifications with their rejected event, written in bulk: the relay's input. */
  private static void insertBacklog(JdbcClient sql, int from, int count) {
    sql.sql(
            "INSERT INTO verifications (id, client_id, request_id, request_hash, status,"
                + " error_code, error_message)"
                + " SELECT md5('bench' || n)::uuid, 'bench', 'r-' || n, repeat('a', 64),"
                + " 'REJECTED', 'INVALID', 'bench' FROM generate_series(:from, :to) n")
        .param("from", from)
        .param("to", from + count - 1)
        .update();
    sql.sql(
            "INSERT INTO outbox (event_id, verification_id, event_type, message_key, payload)"
                + " SELECT md5('event' || n)::uuid, md5('bench' || n)::uuid,"
                + " 'verification.rejected', 'bench:r-' || n,"
                + " jsonb_build_object('schema_version', 1, 'event_id', md5('event' || n)::uuid,"
                + " 'type', 'verification.rejected', 'client_id', 'bench', 'request_id', 'r-' || n,"
                + " 'status', 'REJECTED', 'final', true, 'error',"
                + " jsonb_build_object('code', 'INVALID', 'message', repeat('x', 200)),"
                + " 'metadata', jsonb_build_object('order', n::text))"
                + " FROM generate_series(:from, :to) n ORDER BY n")
        .param("from", from)
        .param("to", from + count - 1)
        .update();
  }

  private static long unpublished(JdbcClient sql) {
    return sql.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")
        .query(Long.class)
        .single();
  }
}
