package io.facecheck.crashtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Holds a row lock on one unpublished outbox row, so the relay's {@code UPDATE outbox SET
 * published_at} for the batch holding it waits: that batch is then sent and acknowledged by Kafka
 * but not marked, the window a relay crash must survive. The test kills the relay there.
 */
final class OutboxRowLock implements AutoCloseable {

  private static final String BLOCKED_MARKS =
      "FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
          + " AND query LIKE 'UPDATE outbox SET published_at%'";

  private final Connection holder;
  private final DataSource db;

  private OutboxRowLock(Connection holder, DataSource db) {
    this.holder = holder;
    this.db = db;
  }

  /** Locks the client's {@code skip}-th unpublished outbox row (0-based, id order). */
  static OutboxRowLock lock(DataSource db, String clientId, int skip) throws SQLException {
    long rowId = unpublishedRow(db, clientId, skip);
    Connection holder = db.getConnection();
    holder.setAutoCommit(false);
    // by id alone: with OFFSET, FOR UPDATE would also lock every row it skipped
    try (PreparedStatement s =
        holder.prepareStatement("SELECT id FROM outbox WHERE id = ? FOR UPDATE")) {
      s.setLong(1, rowId);
      s.executeQuery().close();
      return new OutboxRowLock(holder, db);
    } catch (SQLException | RuntimeException e) {
      holder.close();
      throw e;
    }
  }

  private static long unpublishedRow(DataSource db, String clientId, int skip) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT o.id FROM outbox o JOIN verifications v ON v.id = o.verification_id"
                    + " WHERE v.client_id = ? AND o.published_at IS NULL ORDER BY o.id"
                    + " OFFSET ? LIMIT 1")) {
      s.setString(1, clientId);
      s.setInt(2, skip);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("fewer than " + (skip + 1) + " unpublished rows");
        }
        return rs.getLong(1);
      }
    }
  }

  /** Whether a relay's mark is waiting for this lock. */
  boolean relayWaits() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) " + BLOCKED_MARKS)) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  /**
   * Ends the server sessions of a killed relay's waiting marks. PostgreSQL notices a vanished
   * client only when it next talks to it; an autocommit UPDATE waiting for a lock would otherwise
   * still commit once the lock goes, as if the relay had lived to mark its batch.
   */
  int terminateWaitingMarks() throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) " + BLOCKED_MARKS)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Releases the lock: the transaction holding it is rolled back. */
  @Override
  public void close() throws SQLException {
    try {
      holder.rollback();
    } finally {
      holder.close();
    }
  }
}
