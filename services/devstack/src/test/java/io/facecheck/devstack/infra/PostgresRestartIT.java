package io.facecheck.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev stack's PostgreSQL keeps committed rows across a stop, and freezes when paused. */
class PostgresRestartIT {

  @TempDir static Path dir;

  private static Postgres postgres;

  @BeforeAll
  static void start() {
    postgres = Postgres.start(FreePorts.resolve(0), dir.resolve("pg"));
  }

  @AfterAll
  static void stop() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void committedRowsSurviveAStopAndStart() throws SQLException {
    execute("CREATE TABLE survivors (id int PRIMARY KEY)");
    execute("INSERT INTO survivors SELECT generate_series(1, 1000)");

    postgres.stop();
    assertThat(postgres.isRunning()).isFalse();
    assertThatThrownBy(postgres::connect).isInstanceOf(SQLException.class);
    postgres.startAgain();

    assertThat(count("survivors")).isEqualTo(1000);
  }

  @Test
  void aPausedServerAnswersNothingUntilResumed() throws SQLException {
    execute("CREATE TABLE IF NOT EXISTS paused (id int)");
    try (Connection open = postgres.connect()) {
      try {
        // inside the try: a pause that fails half way must still be resumed
        postgres.pause();
        // an open connection's backend is frozen too: the statement times out on the client
        try (Statement s = open.createStatement()) {
          s.setQueryTimeout(2);
          open.setNetworkTimeout(Runnable::run, 2000);
          assertThatThrownBy(() -> s.execute("INSERT INTO paused VALUES (1)"))
              .isInstanceOf(SQLException.class);
        }
      } finally {
        postgres.resume();
      }
    }
    execute("INSERT INTO paused VALUES (2)");
    assertThat(count("paused")).isGreaterThanOrEqualTo(1);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = postgres.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int count(String table) throws SQLException {
    try (Connection c = postgres.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
