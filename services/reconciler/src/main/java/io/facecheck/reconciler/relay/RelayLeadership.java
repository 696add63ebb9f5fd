package io.facecheck.reconciler.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Elects the one active relay among all reconciler instances: a PostgreSQL session advisory lock,
 * held on a connection kept open for as long as this instance relays. If the process dies, its
 * session ends and PostgreSQL frees the lock, so a standby takes over on its next try.
 *
 * <p>Fenced: the relay reads and marks the outbox only through {@link #onLockSession}, on the very
 * session that holds the lock. A session that ended (killed, timed out, network gone) has lost the
 * lock with it, and its statements fail, so an old leader that has not noticed yet can neither
 * fetch nor mark once a standby may have taken over.
 */
public class RelayLeadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

  private final DataSource dataSource;
  private final long lockKey;
  private final String role;
  private Connection session;
  private DataSource onSession;

  public RelayLeadership(DataSource dataSource, long lockKey) {
    this(dataSource, lockKey, "the outbox relay");
  }

  /**
   * @param role what the holder runs, for the logs: the same election serves the retention purge,
   *     under a lock key of its own
   */
  public RelayLeadership(DataSource dataSource, long lockKey, String role) {
    this.dataSource = dataSource;
    this.lockKey = lockKey;
    this.role = role;
  }

  /** True when this instance holds the lock, taking it if it is free. */
  public synchronized boolean holdOrTake() {
    if (session != null) {
      if (alive(session)) {
        return true;
      }
      // the session ended, and with it the lock: another instance may relay already
      log.warn("{} lock session lost; standing by", role);
      closeQuietly(session);
      session = null;
      onSession = null;
    }
    session = tryLock();
    onSession = session == null ? null : new SingleConnectionDataSource(session, true);
    if (session != null) {
      log.info("this instance now runs {} (advisory lock {})", role, lockKey);
    }
    return session != null;
  }

  /**
   * Runs {@code work} on the session that holds the lock.
   *
   * @throws LeadershipLostException when this instance does not hold it
   */
  public synchronized <T> T onLockSession(Function<DataSource, T> work) {
    if (onSession == null) {
      throw new LeadershipLostException("this instance does not run " + role);
    }
    return work.apply(onSession);
  }

  /** Whether this instance held the lock at its last turn. */
  public synchronized boolean isHeld() {
    return session != null;
  }

  /** Gives the lock up (on shutdown), so a standby takes over without waiting for a timeout. */
  @Override
  public synchronized void close() {
    if (session == null) {
      return;
    }
    try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      unlock.setLong(1, lockKey);
      unlock.execute();
    } catch (SQLException e) {
      log.debug("advisory unlock failed; closing the session frees the lock anyway", e);
    }
    closeQuietly(session);
    session = null;
    onSession = null;
  }

  private Connection tryLock() {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        lock.setLong(1, lockKey);
        try (ResultSet rs = lock.executeQuery()) {
          if (rs.next() && rs.getBoolean(1)) {
            return connection;
          }
        }
      }
    } catch (SQLException e) {
      log.warn("could not try the lock of {}: {}", role, e.toString());
    }
    closeQuietly(connection);
    return null;
  }

  private static boolean alive(Connection connection) {
    try {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing more to release
    }
  }
}
