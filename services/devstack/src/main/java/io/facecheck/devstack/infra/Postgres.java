package io.facecheck.devstack.infra;

import io.facecheck.devstack.process.Signals;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's binaries) on a fixed port, with durable commits. The cluster's
 * data directory is reused between runs, which makes a restart take a second instead of an initdb;
 * the {@code facecheck} database inside it is created afresh each time, because Kafka and the
 * simulator start empty and rows from an earlier run would name certifications nobody knows.
 */
public final class Postgres implements AutoCloseable {

  public static final String DATABASE = "facecheck";
  public static final String USER = "facecheck";
  public static final String PASSWORD = "facecheck";

  private final int port;
  private final Path dataDirectory;
  private EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server, Path dataDirectory) {
    this.server = server;
    this.port = server.getPort();
    this.dataDirectory = dataDirectory;
  }

  public static Postgres start(int port, Path dataDirectory) {
    Postgres postgres = new Postgres(launch(port, dataDirectory), dataDirectory);
    postgres.recreateDatabase();
    return postgres;
  }

  /**
   * Stops the server ({@code pg_ctl stop -m fast}: clients are disconnected, what was committed
   * stays on disk). {@link #startAgain()} brings it back on the same port and data.
   */
  public synchronized void stop() {
    if (server != null) {
      closeServer(server);
      server = null;
    }
  }

  /** Starts the stopped server again on its port and data directory, database kept. */
  public synchronized void startAgain() {
    if (server != null) {
      throw new IllegalStateException("PostgreSQL is running");
    }
    server = launch(port, dataDirectory);
  }

  /**
   * SIGSTOP to the postmaster and every backend: connections stay open and nothing answers, like a
   * database host that froze. {@link #resume()} sends SIGCONT.
   */
  public synchronized void pause() {
    Signals.stopTree(postmasterPid());
  }

  public synchronized void resume() {
    Signals.continueTree(postmasterPid());
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The postmaster's pid, first line of {@code postmaster.pid}. */
  public long postmasterPid() {
    try {
      String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0);
      return Long.parseLong(first.trim());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL is not running in " + dataDirectory, e);
    }
  }

  private static EmbeddedPostgres launch(int port, Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      return EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          // the dev stack stops it after the services; zonky's own hook would stop it under
          // their feet when the JVM exits, and their connection pools then wait it out
          .setRegisterShutdownHook(false)
          // zonky's defaults turn both off: wrong for a stack whose throughput we measure
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("max_connections", "300")
          // every statement the services run, counted and timed (the bench reads statements per
          // verification from it); auto_explain, off until ALTER SYSTEM sets its threshold (a -c
          // setting here would pin it), writes plans to the server's log, <data-dir>/postgres.log
          .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
          // pg_ctl hands the server's log to its standard output
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile(dataDirectory).toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
    }
  }

  /** The server's log: startup, errors, and the plans auto_explain writes when switched on. */
  public Path logFile() {
    return logFile(dataDirectory);
  }

  private static Path logFile(Path dataDirectory) {
    return dataDirectory.resolveSibling("postgres.log");
  }

  /**
   * Connects to the {@code facecheck} database as the cluster's superuser, for what only it may do
   * (server settings such as auto_explain's); the services never do.
   */
  public Connection connectAsSuperuser() throws SQLException {
    return server.getDatabase("postgres", DATABASE).getConnection();
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
  }

  /** Connects to the {@code facecheck} database as its owner. */
  public Connection connect() throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", USER);
    properties.setProperty("password", PASSWORD);
    // a paused server accepts the TCP connection and then answers nothing: never wait for ever
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("loginTimeout", "20");
    return java.sql.DriverManager.getConnection(jdbcUrl(), properties);
  }

  private void recreateDatabase() {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + USER
              + "') THEN CREATE ROLE "
              + USER
              + " LOGIN PASSWORD '"
              + PASSWORD
              + "'; END IF; END $$");
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the " + DATABASE + " database", e);
    }
    try (Connection c = server.getDatabase("postgres", DATABASE).getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    } catch (SQLException e) {
      throw new IllegalStateException("could not add pg_stat_statements to " + DATABASE, e);
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }

  private static void closeServer(EmbeddedPostgres running) {
    try {
      running.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop PostgreSQL", e);
    }
  }
}
