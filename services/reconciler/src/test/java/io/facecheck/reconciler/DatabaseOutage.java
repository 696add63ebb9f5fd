package io.facecheck.reconciler;

import io.facecheck.testinfra.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
  }

  static void end(TestPostgres.Database db) {
    run(db, "ALTER DATABASE " + name(db) + " ALLOW_CONNECTIONS true");
  }

  private static void run(TestPostgres.Database db, String... statements) {
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/') + 1) + "postgres");
    admin.setUser(db.user());
    admin.setPassword(db.password());
    try (Connection c = admin.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String name(TestPostgres.Database db) {
    String url = db.jdbcUrl();
    int query = url.indexOf('?');
    return url.substring(url.lastIndexOf('/') + 1, query < 0 ? url.length() : query);
  }
}
