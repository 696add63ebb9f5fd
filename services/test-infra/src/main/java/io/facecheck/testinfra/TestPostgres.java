package io.facecheck.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server per test JVM (a container where Docker exists, zonky's embedded
 * binaries elsewhere), handing each caller a fresh, empty database so test classes never see each
 * other's rows.
 */
public final class TestPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Server server;

  private TestPostgres() {}

  /** A new empty database on the shared server. */
  public static synchronized Database newDatabase() {
    if (server == null) {
      server = DockerAvailability.available() ? startContainer() : startEmbedded();
    }
    String name = "facecheck_test_" + DATABASES.incrementAndGet();
    try (Connection c = server.admin().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new Database(server.jdbcUrl(name), server.user(), server.password());
  }

  private static Server startEmbedded() {
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              // durable settings, so tests see the same commit behaviour as production
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "300")
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
      int port = pg.getPort();
      return new Server(
          "jdbc:postgresql://localhost:" + port + "/", "postgres", "postgres", Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  private static Server startContainer() {
    PostgreSQLContainer container =
        new PostgreSQLContainer("postgres:17-alpine")
            .withCommand("postgres -c max_connections=300");
    container.start();
    String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort();
    return new Server(base + "/", container.getUsername(), container.getPassword(), Map.of());
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException ignored) {
      // the JVM is exiting; nothing else to do
    }
  }

  private record Server(String baseUrl, String user, String password, Map<String, String> extra) {
    String jdbcUrl(String database) {
      return baseUrl + database;
    }

    PGSimpleDataSource admin() {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(jdbcUrl("postgres"));
      ds.setUser(user);
      ds.setPassword(password);
      return ds;
    }
  }

  /** Connection settings of one test database. */
  public record Database(String jdbcUrl, String user, String password) {
    public PGSimpleDataSource dataSource() {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(jdbcUrl);
      ds.setUser(user);
      ds.setPassword(password);
      return ds;
    }
  }
}
