package io.facecheck.devstack.infra;

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

  private final EmbeddedPostgres server;

  private Postgres(EmbeddedPostgres server) {
    this.server = server;
  }

  public static Postgres start(int port, Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
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
              .start();
      Postgres postgres = new Postgres(server);
      postgres.recreateDatabase();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
    }
  }

  public int port() {
    return server.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
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
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop PostgreSQL", e);
    }
  }
}
