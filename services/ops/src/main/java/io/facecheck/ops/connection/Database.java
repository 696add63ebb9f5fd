package io.facecheck.ops.connection;

import io.facecheck.statemachine.VerificationStore;
import io.facecheck.statemachine.jdbc.IdentityErasure;
import io.facecheck.statemachine.jdbc.JdbcVerificationStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The verification store on a plain data source: one short-lived connection per query is plenty for
 * a command that runs a few of them, and it starts faster than a pool.
 */
public final class Database {

  private Database() {}

  /** The store, after checking that the database answers at all (a clear error beats a hang). */
  public static VerificationStore store(ConnectionSettings settings, Clock clock) {
    return JdbcVerificationStore.of(reachable(settings), clock);
  }

  /** Identity erasure on the same kind of data source, after the same reachability check. */
  public static IdentityErasure identityErasure(ConnectionSettings settings, Clock clock) {
    return new IdentityErasure(reachable(settings), clock);
  }

  private static DataSource reachable(ConnectionSettings settings) {
    DataSource dataSource = dataSource(settings);
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid((int) settings.timeout().toSeconds());
    } catch (SQLException e) {
      throw new ConnectionFailure(
          "cannot reach PostgreSQL at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
    }
    return dataSource;
  }

  static DataSource dataSource(ConnectionSettings settings) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(settings.jdbcUrl());
    dataSource.setUser(settings.user());
    dataSource.setPassword(settings.password());
    int seconds = (int) settings.timeout().toSeconds();
    dataSource.setConnectTimeout(seconds);
    dataSource.setLoginTimeout(seconds);
    // a server that accepts the connection and then never answers must not hang a command either;
    // every query ops runs is small, so four timeouts is far beyond a slow answer
    dataSource.setSocketTimeout(seconds * 4);
    dataSource.setApplicationName("facecheck-ops");
    return dataSource;
  }
}
