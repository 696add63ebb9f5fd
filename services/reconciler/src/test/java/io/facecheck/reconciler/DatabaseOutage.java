package io.facecheck.reconciler;

import io.facecheck.testinfra.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Takes one test database out of reach of its clients, as an outage would: no new connections, and
 * every open session ended. The server itself (shared with other test classes) keeps running.
 */
final class DatabaseOutage {

  private DatabaseOutage() {}

  static void begin(TestPostgres.Database db) {
    String name = name(db);
    run(
        db,
        "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + name
            + "' AND pid <> pg_backend_pid()");
    awaitNoSessions(db, name);
  }

  /**
   * pg_terminate_backend only signals: a session can still answer a statement or two before it
   * exits, and a test that sends its record at once would then see part of its handling succeed
   * before the outage. The outage has begun when no session of the database is left.
   */
  private static void awaitNoSessions(TestPostgres.Database db, String name) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        db,
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                            + name
                            + "' AND pid <> pg_backend_pid()")
                    == 0);
  }

  static void end(TestPostgres.Database db) {
    run(db, "ALTER DATABASE " + name(db) + " ALLOW_CONNECTIONS true");
  }

  private static void run(TestPostgres.Database db, String... statements) {
    try (Connection c = admin(db).getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(TestPostgres.Database db, String query) {
    try (Connection c = admin(db).getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PGSimpleDataSource admin(TestPostgres.Database db) {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + "postgres");
    admin.setUser(db.user());
    admin.setPassword(db.password());
    return admin;
  }

  private static String name(TestPostgres.Database db) {
    String url = db.jdbcUrl();
    int query = url.indexOf('?');
    return url.substring(url.lastIndexOf('/') + 1, query < 0 ? url.length() : query);
  }
}
