package io.facecheck.reconciler.deadletter;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.reconciler.inbound.UnreadableRecordException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/**
 * Sorts a failure into {@link FailureHandling}: by its type for unreadable records, by the SQLState
 * of the first {@link SQLException} in its causes for database errors. Pure, tested row by row.
 *
 * <ul>
 *   <li>SQLState class 22 (data exception) or 23 (integrity constraint violation): PostgreSQL will
 *       refuse the same write every time: UNSTORABLE at once.
 *   <li>class 08 (connection exception), 53 (insufficient resources), 57P01-57P03 (shutdown, cannot
 *       connect now), a pool that hands out no connection: the database is away, not this record.
 *   <li>anything else (a statement timeout, a deadlock, a bug): retried a few times.
 * </ul>
 */
public final class FailureClassifier {

  private FailureClassifier() {}

  public static FailureVerdict classify(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof UnreadableRecordException unreadable) {
        return FailureVerdict.deadLetterNow(unreadable.reason());
      }
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return FailureVerdict.retried(FailureHandling.WAIT_FOR_DATABASE);
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return bySqlState(sql.getSQLState());
      }
    }
    return FailureVerdict.retried(FailureHandling.RETRY_BRIEFLY);
  }

  static FailureVerdict bySqlState(String state) {
    if (state.startsWith("22") || state.startsWith("23")) {
      return FailureVerdict.deadLetterNow(DeadLetterReason.UNSTORABLE);
    }
    if (state.startsWith("08")
        || state.startsWith("53")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")) {
      return FailureVerdict.retried(FailureHandling.WAIT_FOR_DATABASE);
    }
    return FailureVerdict.retried(FailureHandling.RETRY_BRIEFLY);
  }
}
