package io.facecheck.statemachine.jdbc;

import io.facecheck.contracts.result.ResultType;
import io.facecheck.statemachine.VerificationStoreContract;
import io.facecheck.testinfra.MutableClock;
import io.facecheck.testinfra.TestPostgres;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The store contract on PostgreSQL, a fresh migrated database per test; the in-memory store the use
 * cases' unit tests run on passes the same assertions ({@code InMemoryVerificationStoreTest}).
 */
class JdbcVerificationStoreContractIT extends VerificationStoreContract {

  @Override
  protected Harness newStore(MutableClock clock) {
    DataSource ds = TestPostgres.newDatabase().dataSource();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    JdbcClient jdbc = JdbcClient.create(ds);
    return new Harness(
        JdbcVerificationStore.of(ds, clock),
        id ->
            jdbc.sql(
                    "SELECT event_type, event_id FROM outbox WHERE verification_id = :id ORDER BY id")
                .param("id", id)
                .query(
                    (rs, n) ->
                        new Event(
                            typeOf(rs.getString("event_type")),
                            rs.getObject("event_id", UUID.class)))
                .list());
  }

  private static ResultType typeOf(String value) {
    return Arrays.stream(ResultType.values())
        .filter(t -> t.value().equals(value))
        .findFirst()
        .orElseThrow();
  }
}
