package io.facecheck.worker.dispatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.worker.dispatch.FailureKind;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.KafkaException;

class DatabaseAndBrokerFailuresTest {

  private final DatabaseAndBrokerFailures failures = new DatabaseAndBrokerFailures();

  @Test
  void dataAndIntegrityErrorsAreUnstorable() {
    // 22P05: jsonb refusing \u0000; 23514: a check constraint
    assertThat(failures.kindOf(wrapped("22P05"))).isEqualTo(FailureKind.UNSTORABLE);
    assertThat(failures.kindOf(wrapped("23514"))).isEqualTo(FailureKind.UNSTORABLE);
    assertThat(failures.kindOf(wrapped("22001"))).isEqualTo(FailureKind.UNSTORABLE);
  }

  @Test
  void connectionLossTimeoutsAndShutdownsAreTransient() {
    assertThat(failures.kindOf(wrapped("08006"))).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failures.kindOf(wrapped("57P01"))).isEqualTo(FailureKind.TRANSIENT);
    assertThat(failures.kindOf(wrapped("40001"))).isEqualTo(FailureKind.TRANSIENT);
    assertThat(
            failures.kindOf(
                new CannotGetJdbcConnectionException(
                    "no connection", new SQLTransientConnectionException("pool timed out"))))
        .isEqualTo(FailureKind.TRANSIENT);
    // the connection died mid-transaction: the rollback fails and overrides the first error
    assertThat(
            failures.kindOf(
                new org.springframework.transaction.TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .isEqualTo(FailureKind.TRANSIENT);
    assertThat(failures.kindOf(new KafkaException("send", new TimeoutException("metadata"))))
        .isEqualTo(FailureKind.TRANSIENT);
  }

  @Test
  void anythingElseIsUnexpected() {
    assertThat(failures.kindOf(new IllegalStateException("bug"))).isEqualTo(FailureKind.UNEXPECTED);
    assertThat(failures.kindOf(wrapped("42501"))).isEqualTo(FailureKind.UNEXPECTED);
  }

  @Test
  void theDescriptionKeepsTheServersFirstLineNotTheFailingRow() {
    SQLException refused =
        new SQLException(
            "ERROR: new row for relation \"verifications\" violates check constraint \"x\"\n"
                + "  Detail: Failing row contains (11010519491231002X, secret)",
            "23514");
    String described =
        failures.describe(
            new DataIntegrityViolationException("SQL [INSERT ... values]; " + refused, refused));

    assertThat(described)
        .contains("23514")
        .contains("violates check constraint")
        .doesNotContain("Failing row")
        .doesNotContain("11010519491231002X")
        .doesNotContain("INSERT");
  }

  private static RuntimeException wrapped(String sqlState) {
    return new DataIntegrityViolationException(
        "wrapped", new SQLException("ERROR: refused", sqlState));
  }
}
