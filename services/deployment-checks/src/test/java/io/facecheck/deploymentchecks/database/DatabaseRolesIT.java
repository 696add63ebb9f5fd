package io.facecheck.deploymentchecks.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facecheck.deploymentchecks.support.RepositoryRoot;
import io.facecheck.testinfra.TestPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database users of both deployments, on a real PostgreSQL: the role SQL CloudNativePG runs
 * after initdb (k8s/base/database/*.sql, the grants shared with docker compose), then Flyway as the
 * owner; a service's login may then read and write every table but change no schema.
 */
class DatabaseRolesIT {

  private static String url;

  @BeforeAll
  static void migrateAsTheOwner() throws Exception {
    TestPostgres.Database server = TestPostgres.newDatabase();
    String base = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
    try (Connection admin =
            DriverManager.getConnection(base + "postgres", server.user(), server.password());
        Statement s = admin.createStatement()) {
      s.execute("CREATE ROLE facecheck_owner LOGIN PASSWORD 'owner-secret'");
      s.execute("CREATE DATABASE facecheck OWNER facecheck_owner");
    }
    url = base + "facecheck";
    try (Connection superuser = DriverManager.getConnection(url, server.user(), server.password());
        Statement s = superuser.createStatement()) {
      // what CloudNativePG's postInitApplicationSQLRefs run, in order
      s.execute(Files.readString(RepositoryRoot.resolve("k8s/base/database/create-app-role.sql")));
      s.execute(Files.readString(RepositoryRoot.resolve("k8s/base/database/app-grants.sql")));
      // what spec.managed.roles makes of facecheck_worker
      s.execute(
          "CREATE ROLE facecheck_worker LOGIN PASSWORD 'worker-secret' IN ROLE facecheck_app");
    }
    Flyway.configure()
        .dataSource(url, "facecheck_owner", "owner-secret")
        .locations("filesystem:" + RepositoryRoot.resolve("db/migration"))
        .load()
        .migrate();
  }

  @Test
  void aServiceLoginMayReadAndWriteEveryTableFlywayCreated() throws Exception {
    try (Connection worker = DriverManager.getConnection(url, "facecheck_worker", "worker-secret");
        Statement s = worker.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          s.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      assertThat(tables)
          .contains("verifications", "verification_transitions", "outbox", "replay_requests");
      for (String table : tables) {
        try (ResultSet granted =
            s.executeQuery(
                "SELECT has_table_privilege('public."
                    + table
                    + "', 'SELECT, INSERT, UPDATE, DELETE')")) {
          granted.next();
          assertThat(granted.getBoolean(1)).as(table).isTrue();
        }
      }
      s.executeQuery("SELECT count(*) FROM verifications").close();
    }
  }

  @Test
  void aServiceLoginMayNotChangeTheSchema() throws Exception {
    try (Connection worker = DriverManager.getConnection(url, "facecheck_worker", "worker-secret");
        Statement s = worker.createStatement()) {
      assertThatThrownBy(() -> s.execute("CREATE TABLE intruder (id int)"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> s.execute("DROP TABLE verifications"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("must be owner");
      assertThatThrownBy(() -> s.execute("TRUNCATE outbox"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }
}
