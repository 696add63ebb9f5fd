package io.facecheck.devstack.e2e;

import io.facecheck.devstack.infra.Postgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables grown to many finished verifications, and the plans PostgreSQL chooses for the
 * services' statements once they are: what a statement costs after a year of history.
 */
final class QueryPlans {

  /** The tables that grow with every verification; no statement may read one of them in full. */
  static final Set<String> GROWING_TABLES =
      Set.of("verifications", "verification_transitions", "outbox");

  /**
   * A piece of each statement that must have been seen, because it runs on every scan or for every
   * request: the reconcilers' claim of due queries and their scan for unanswered final queries
   * (both every 500 ms), the relay's read of unpublished events, and the look-up of a request by
   * its idempotency key (a repeated request).
   */
  static final List<String> HOT_STATEMENTS =
      List.of(
          "FOR UPDATE SKIP LOCKED",
          "last_query_at >= expires_at",
          "WHERE published_at IS NULL",
          "WHERE client_id = ");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private QueryPlans() {}

  /**
   * Adds {@code copies} copies of every final verification, with their timelines and their
   * (published) result events, then analyses the tables. Only final ones, so no service picks a
   * copy up: history, as a table holds after a long run.
   */
  static long growWithFinishedCopies(Connection c, int copies) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE copies AS SELECT v.id AS original, gen_random_uuid() AS id, g"
              + " FROM verifications v, generate_series(1, "
              + copies
              + ") g WHERE v.status IN ('PASSED', 'FAILED', 'EXPIRED', 'REJECTED')");
      s.execute(
          "INSERT INTO verifications SELECT (jsonb_populate_record(NULL::verifications, to_jsonb(v)"
              + " || jsonb_build_object('id', c.id, 'request_id', left(v.request_id, 50) || '-c'"
              + " || c.g, 'outer_order_no', left(v.outer_order_no, 24) || 'c' || c.g))).*"
              + " FROM copies c JOIN verifications v ON v.id = c.original");
      s.execute(
          "INSERT INTO verification_transitions SELECT (jsonb_populate_record("
              + "NULL::verification_transitions, to_jsonb(t) || jsonb_build_object('id',"
              + " nextval(pg_get_serial_sequence('verification_transitions', 'id')),"
              + " 'verification_id', c.id))).*"
              + " FROM copies c JOIN verification_transitions t ON t.verification_id = c.original");
      s.execute(
          "INSERT INTO outbox SELECT (jsonb_populate_record(NULL::outbox, to_jsonb(o)"
              + " || jsonb_build_object('id', nextval(pg_get_serial_sequence('outbox', 'id')),"
              + " 'event_id', gen_random_uuid(), 'verification_id', c.id,"
              + " 'published_at', coalesce(o.published_at, now())))).*"
              + " FROM copies c JOIN outbox o ON o.verification_id = c.original");
      s.execute("DROP TABLE copies");
      for (String table : GROWING_TABLES) {
        s.execute("ANALYZE " + table);
      }
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM verifications")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Has the server log the plan of every statement any session runs (auto_explain, which the dev
   * stack's PostgreSQL loads, at a threshold of 0 ms, as JSON) until closed: the plans PostgreSQL
   * really chose for the services' statements, with their real parameters.
   */
  static AutoCloseable logEveryPlan(Postgres postgres) throws SQLException {
    settings(
        postgres,
        "ALTER SYSTEM SET auto_explain.log_min_duration = 0",
        "ALTER SYSTEM SET auto_explain.log_format = 'json'");
    return () ->
        settings(
            postgres,
            "ALTER SYSTEM RESET auto_explain.log_min_duration",
            "ALTER SYSTEM RESET auto_explain.log_format");
  }

  private static void settings(Postgres postgres, String... statements) throws SQLException {
    try (Connection c = postgres.connectAsSuperuser();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /** The plans auto_explain wrote to {@code log} after byte {@code from}. */
  static List<LoggedPlan> loggedPlans(Path log, long from) throws IOException {
    String text;
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      file.seek(from);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.readFully(bytes);
      text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    List<LoggedPlan> plans = new ArrayList<>();
    int at = 0;
    while ((at = text.indexOf("plan:", at)) >= 0) {
      int open = text.indexOf('{', at);
      int close = open < 0 ? -1 : endOfObject(text, open);
      if (close < 0) {
        break; // the last one is still being written
      }
      JsonNode entry = JSON.readTree(text.substring(open, close + 1));
      plans.add(new LoggedPlan(entry.get("Query Text").asString(), entry.get("Plan")));
      at = close;
    }
    return plans;
  }

  /** Where the JSON object opening at {@code open} closes, strings and escapes respected. */
  private static int endOfObject(String text, int open) {
    int depth = 0;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inString) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          inString = false;
        }
      } else if (ch == '"') {
        inString = true;
      } else if (ch == '{') {
        depth++;
      } else if (ch == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Each node of the plan as "Node Type on relation using index", depth first. */
  static List<String> nodes(JsonNode plan) {
    List<String> out = new ArrayList<>();
    collect(plan, out);
    return out;
  }

  /** The growing tables the plan reads in full. */
  static List<String> fullScansOfGrowingTables(JsonNode plan) {
    List<String> scans = new ArrayList<>();
    collectFullScans(plan, scans);
    return scans;
  }

  private static void collect(JsonNode node, List<String> out) {
    StringBuilder line = new StringBuilder(node.get("Node Type").asString());
    if (node.has("Relation Name")) {
      line.append(" on ").append(node.get("Relation Name").asString());
    }
    if (node.has("Index Name")) {
      line.append(" using ").append(node.get("Index Name").asString());
    }
    out.add(line.toString());
    if (node.has("Plans")) {
      node.get("Plans").forEach(child -> collect(child, out));
    }
  }

  private static void collectFullScans(JsonNode node, List<String> scans) {
    if ("Seq Scan".equals(node.get("Node Type").asString())
        && node.has("Relation Name")
        && GROWING_TABLES.contains(node.get("Relation Name").asString())) {
      scans.add(node.get("Relation Name").asString());
    }
    if (node.has("Plans")) {
      node.get("Plans").forEach(child -> collectFullScans(child, scans));
    }
  }

  /** A statement as a session ran it, and the plan PostgreSQL chose for it. */
  record LoggedPlan(String query, JsonNode plan) {}
}
