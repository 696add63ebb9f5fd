package io.facecheck.statemachine.jdbc;

import static io.facecheck.statemachine.jdbc.Timestamps.toDb;

import io.facecheck.statemachine.Verification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The columns a change can move, bound by name from a verification as it stands: the same for the
 * insert of a new row and the compare-and-set of an existing one, so the two never disagree.
 */
final class MutableColumns {

  private MutableColumns() {}

  static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Verification v) {
    return statement
        .param("outerOrderNo", v.outerOrderNo())
        .param("certifyId", v.certifyId())
        .param("certifyUrl", v.certifyUrl())
        .param("nextQueryAt", toDb(v.nextQueryAt()))
        .param("queryAttempts", v.queryAttempts())
        .param("lastQueryAt", toDb(v.lastQueryAt()))
        .param("userReturnedAt", toDb(v.userReturnedAt()))
        .param("errorCode", v.failure() == null ? null : v.failure().code())
        .param("errorField", v.failure() == null ? null : v.failure().field())
        .param("errorMessage", v.failure() == null ? null : v.failure().message())
        .param("left", v.deadLetter() == null ? null : v.deadLetter().returnsTo().name())
        .param("deadLetterReason", v.deadLetter() == null ? null : v.deadLetter().reason());
  }
}
