package io.facecheck.reconciler.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.reconciler.inbound.UnreadableRecordException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {

  @ParameterizedTest
  @CsvSource({
    // data exceptions and integrity violations: PostgreSQL refuses the same write every time
    "22P05, DEAD_LETTER_NOW, UNSTORABLE",
    "22001, DEAD_LETTER_NOW, UNSTORABLE",
    "22008, DEAD_LETTER_NOW, UNSTORABLE",
    "23514, DEAD_LETTER_NOW, UNSTORABLE",
    "23505, DEAD_LETTER_NOW, UNSTORABLE",
    // the database is away: wait for it
    "08006, WAIT_FOR_DATABASE, RETRIES_EXHAUSTED",
    "08001, WAIT_FOR_DATABASE, RETRIES_EXHAUSTED",
    "57P01, WAIT_FOR_DATABASE, RETRIES_EXHAUSTED",
    "57P03, WAIT_FOR_DATABASE, RETRIES_EXHAUSTED",
    "53300, WAIT_FOR_DATABASE, RETRIES_EXHAUSTED",
    // may pass next time: a few retries
    "57014, RETRY_BRIEFLY, RETRIES_EXHAUSTED",
    "40001, RETRY_BRIEFLY, RETRIES_EXHAUSTED",
    "40P01, RETRY_BRIEFLY, RETRIES_EXHAUSTED",
    "55P03, RETRY_BRIEFLY, RETRIES_EXHAUSTED",
    "55000, RETRY_BRIEFLY, RETRIES_EXHAUSTED"
  })
  void sortsDatabaseErrorsBySqlState(
      String state, FailureHandling handling, DeadLetterReason reason) {
    RuntimeException wrapped =
        new IllegalStateException("spring wrapper", new SQLException("refused", state));
    assertThat(FailureClassifier.classify(wrapped)).isEqualTo(new FailureVerdict(handling, reason));
  }

  @Test
  void deadLettersAnUnreadableRecordAtOnceWithItsReason() {
    assertThat(
            FailureClassifier.classify(
                new UnreadableRecordException(DeadLetterReason.UNKNOWN_SCHEMA_VERSION, "v2")))
        .isEqualTo(
            new FailureVerdict(
                FailureHandling.DEAD_LETTER_NOW, DeadLetterReason.UNKNOWN_SCHEMA_VERSION));
  }

  @Test
  void waitsForTheDatabaseWhenThePoolHandsOutNoConnection() {
    // Hikari's "Connection is not available, request timed out", whatever its cause says
    RuntimeException noConnection =
        new IllegalStateException(
            new SQLTransientConnectionException(
                "request timed out", "08001", new SQLException("not accepting", "55000")));
    assertThat(FailureClassifier.classify(noConnection).handling())
        .isEqualTo(FailureHandling.WAIT_FOR_DATABASE);
  }

  @Test
  void retriesAnythingElseBriefly() {
    assertThat(FailureClassifier.classify(new NullPointerException()).handling())
        .isEqualTo(FailureHandling.RETRY_BRIEFLY);
    assertThat(FailureClassifier.classify(new SQLException("no state")).handling())
        .isEqualTo(FailureHandling.RETRY_BRIEFLY);
  }
}
