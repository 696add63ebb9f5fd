package io.facecheck.reconciler.deadletter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class DeadLetterMessageTest {

  @Test
  void aDatabaseRefusalIsDescribedByTheDriversReasonNotByTheStatement() {
    String statement = "WITH moved AS (UPDATE verifications SET " + "x = ?, ".repeat(200) + ")";
    SQLException refusal =
        new SQLException(
            "ERROR: new row for relation \"verification_transitions\" violates check constraint"
                + " \"it_refuses_one\"",
            "23514");
    DataIntegrityViolationException wrapped =
        new DataIntegrityViolationException(
            "PreparedStatementCallback; SQL [" + statement + "]; " + refusal.getMessage(), refusal);

    String message = DeadLetterPublisher.message(wrapped);

    assertThat(message)
        .startsWith("DataIntegrityViolationException: java.sql.SQLException: ERROR:")
        .contains("it_refuses_one")
        .doesNotContain("WITH moved");
  }

  @Test
  void anyOtherFailureIsItsOwnDescriptionCutToFiveHundredCharacters() {
    assertThat(DeadLetterPublisher.message(new IllegalStateException("no such thing")))
        .isEqualTo("java.lang.IllegalStateException: no such thing");
    assertThat(DeadLetterPublisher.message(new IllegalStateException("y".repeat(600))))
        .hasSize(501)
        .endsWith("…");
  }
}
