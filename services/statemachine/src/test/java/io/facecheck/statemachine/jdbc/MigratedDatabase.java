package io.facecheck.statemachine.jdbc;

import io.facecheck.pii.PiiCipher;
import io.facecheck.pii.PiiKeyRing;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.TestPostgres;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A fresh PostgreSQL database with the migrations of db/migration applied, as the services get. */
final class MigratedDatabase {

  final DataSource dataSource;
  final JdbcClient jdbc;
  final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  final PiiCipher cipher =
      new PiiCipher(
          PiiKeyRing.of("k1", Map.of("k1", "0123456789abcdef0123456789abcdef".getBytes())));

  private MigratedDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
  }

  static MigratedDatabase create() {
    DataSource ds = TestPostgres.newDatabase().dataSource();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return new MigratedDatabase(ds);
  }

  JdbcVerificationStore store() {
    return JdbcVerificationStore.of(dataSource, clock);
  }
}
