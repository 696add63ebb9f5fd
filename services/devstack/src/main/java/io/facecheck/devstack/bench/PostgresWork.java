package io.facecheck.devstack.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What PostgreSQL was asked to do in the {@code facecheck} database so far: committed transactions
 * (pg_stat_database) and statements executed (pg_stat_statements, which the dev stack's server
 * loads). Two readings a window apart say how many of each a verification costs.
 *
 * @param transactions commits, {@code xact_commit}
 * @param statements executions of every statement but transaction control, summed over
 *     pg_stat_statements' {@code calls}
 */
record PostgresWork(long transactions, long statements) {

  /**
   * Reads both counters (the reading adds one transaction and one statement). A backend publishes
   * its commit count at most once a second, so read a second or more after the work ended;
   * pg_stat_statements counts each statement as it ends.
   */
  static PostgresWork read(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT xact_commit FROM pg_stat_database"
                    + " WHERE datname = current_database()),"
                    + " (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements st"
                    + " JOIN pg_database d ON d.oid = st.dbid"
                    + " WHERE d.datname = current_database()"
                    + " AND st.query !~* '^\\s*(begin|commit|rollback|set|show)\\M')")) {
      rs.next();
      return new PostgresWork(rs.getLong(1), rs.getLong(2));
    }
  }

  PostgresWork since(PostgresWork earlier) {
    return new PostgresWork(transactions - earlier.transactions, statements - earlier.statements);
  }
}
