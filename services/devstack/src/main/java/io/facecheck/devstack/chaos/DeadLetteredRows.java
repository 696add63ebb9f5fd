package io.facecheck.devstack.chaos;

import io.facecheck.devstack.chaos.verdict.Evidence.SentRequest;
import io.facecheck.devstack.infra.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks PostgreSQL which of the requests still open wait in DEAD_LETTERED: they have a reason and no
 * event, so the run stops waiting for them (the verdict still counts them).
 */
final class DeadLetteredRows {

  private DeadLetteredRows() {}

  /** Hostile requests (request_id hostile-…) that wait in DEAD_LETTERED; -1 when unreachable. */
  static int hostile(Postgres postgres) {
    try (Connection c = postgres.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM verifications WHERE request_id LIKE 'hostile%'"
                    + " AND status = 'DEAD_LETTERED'");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (Exception e) {
      return -1;
    }
  }

  /** How many of {@code open} wait in DEAD_LETTERED; -1 when PostgreSQL does not answer. */
  static int among(Postgres postgres, List<SentRequest> open) {
    Set<String> ids = new HashSet<>();
    open.forEach(r -> ids.add(r.requestId()));
    try (Connection c = postgres.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT request_id FROM verifications WHERE client_id = ? AND request_id = ANY (?)"
                    + " AND status = 'DEAD_LETTERED'")) {
      s.setString(1, open.get(0).clientId());
      s.setArray(2, c.createArrayOf("text", ids.toArray()));
      int count = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          count++;
        }
      }
      return count;
    } catch (Exception e) {
      return -1;
    }
  }
}
