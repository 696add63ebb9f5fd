package io.facecheck.deploymentchecks.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.deploymentchecks.support.Processes;
import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.deploymentchecks.support.RequiredTool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker compose's PostgreSQL initialisation, run for real: deploy/postgres/10-roles.sh through
 * psql with the passwords secrets-init would write, then the shared grants (20-app-grants.sql in
 * the container), then Flyway as facecheck_owner, as compose's migrate service does. Its own
 * PostgreSQL: the roles are cluster-wide and DatabaseRolesIT creates others.
 */
class ComposeDatabaseRolesIT {

  @TempDir Path secrets;

  @Test
  void theRowsOnlyUserUsesEveryTableAndChangesNoSchema() throws Exception {
    RequiredTool.require(
        Processes.works(List.of("psql", "--version")),
        "psql is not on the PATH",
        "install Debian's postgresql-client (.ci/run does)");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      String base = "jdbc:postgresql://localhost:" + pg.getPort() + "/";
      try (Connection admin =
              DriverManager.getConnection(base + "postgres", "postgres", "postgres");
          Statement s = admin.createStatement()) {
        s.execute("CREATE DATABASE facecheck"); // POSTGRES_DB: the image creates it
      }
      Files.writeString(secrets.resolve("owner-password"), "owner-secret");
      Files.writeString(secrets.resolve("app-password"), "app-secret");

      runAsTheImageDoes(pg.getPort(), List.of("bash", "deploy/postgres/10-roles.sh"));
      runAsTheImageDoes(
          pg.getPort(),
          List.of(
              "psql",
              "-v",
              "ON_ERROR_STOP=1",
              "--username",
              "postgres",
              "--dbname",
              "facecheck",
              "-f",
              "k8s/base/database/app-grants.sql"));
      Flyway.configure()
          .dataSource(base + "facecheck", "facecheck_owner", "owner-secret")
          .locations("filesystem:" + RepositoryRoot.resolve("db/migration"))
          .load()
          .migrate();

      try (Connection app =
              DriverManager.getConnection(base + "facecheck", "facecheck_app", "app-secret");
          Statement s = app.createStatement()) {
        try (ResultSet granted =
            s.executeQuery(
                "SELECT bool_and(has_table_privilege(format('public.%I', tablename),"
                    + " 'SELECT, INSERT, UPDATE, DELETE')), count(*)"
                    + " FROM pg_tables WHERE schemaname = 'public'")) {
          granted.next();
          assertThat(granted.getBoolean(1)).isTrue();
          assertThat(granted.getInt(2)).isGreaterThanOrEqualTo(4);
        }
        assertThatThrownBy(() -> s.execute("CREATE TABLE intruder (id int)"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> s.execute("ALTER TABLE verifications ADD COLUMN x int"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("must be owner");
      }
    }
  }

  /** The postgres image runs init scripts with POSTGRES_USER and POSTGRES_DB set. */
  private void runAsTheImageDoes(int port, List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(RepositoryRoot.resolve(".").toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "POSTGRES_USER", "postgres",
                "POSTGRES_DB", "facecheck",
                "PGHOST", "localhost",
                "PGPORT", String.valueOf(port),
                "PGPASSWORD", "postgres",
                "FACECHECK_SECRETS_DIR", secrets.toString()));
    builder.redirectErrorStream(true);
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor()).as(command + ": " + output).isZero();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
