package io.facecheck.worker.dispatch.kafka;

import io.facecheck.worker.deadletter.PiiMask;
import io.facecheck.worker.dispatch.FailureClassifier;
import io.facecheck.worker.dispatch.FailureKind;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Classifies by PostgreSQL's SQLState first (it says what the server thinks), then by the types the
 * JDBC driver, Spring and Kafka use for "not reachable now". Data exceptions (class 22) and
 * integrity violations (23) are the record's fault and come back every time; connection errors
 * (08), lack of resources (53), operator intervention (57: shutdown, cancelled statement),
 * rollbacks (40: serialization, deadlock) and system errors (58) pass. A rollback or commit that
 * fails ({@code TransactionSystemException}: the connection died mid-transaction, and Hikari then
 * reports "Connection is closed" without an SQLState) is the connection's fault, not the record's.
 */
public final class DatabaseAndBrokerFailures implements FailureClassifier {

  private static final int MAX_DEPTH = 16;

  @Override
  public FailureKind kindOf(Throwable failure) {
    boolean transientSeen = false;
    Throwable e = failure;
    for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
      if (e instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
          return FailureKind.UNSTORABLE;
        }
        if (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57")
            || state.startsWith("40")
            || state.startsWith("58")) {
          transientSeen = true;
        }
      }
      if (e instanceof SQLTransientException
          || e instanceof SQLRecoverableException
          || e instanceof TransientDataAccessException
          || e instanceof RecoverableDataAccessException
          || e instanceof DataAccessResourceFailureException
          || e instanceof CannotCreateTransactionException
          || e instanceof TransactionSystemException
          || e instanceof RetriableException
          || e instanceof IOException
          || e instanceof java.util.concurrent.TimeoutException) {
        transientSeen = true;
      }
    }
    return transientSeen ? FailureKind.TRANSIENT : FailureKind.UNEXPECTED;
  }

  @Override
  public String describe(Throwable failure) {
    // the SQLException's own first line names the constraint or the refused type; its "Detail"
    // line (the failing row) and Spring's wrapper (the SQL) stay out of the dead letter
    Throwable e = failure;
    for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
      if (e instanceof SQLException sql) {
        return "SQLState " + sql.getSQLState() + ": " + firstLine(sql.getMessage());
      }
    }
    return failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    String line = end < 0 ? message : message.substring(0, end);
    return PiiMask.mask(line.length() > 300 ? line.substring(0, 300) : line);
  }
}
