package io.facecheck.statemachine.jdbc;

import static io.facecheck.statemachine.jdbc.Timestamps.toDb;

import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.ErasureOutcome;
import io.facecheck.statemachine.VerificationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erases sealed identities (cert_name and cert_no ciphertexts, and their key id) of final
 * verifications, each with an {@link Causes#IDENTITY_ERASED} note in the same statement. The row
 * keeps its status, ids, cert_type and times: the audit record that the verification happened and
 * how it ended. Only final rows are touched (any other's identity is still in use: on the request
 * and retry topics, in the call to Alipay, in a dead letter a replay sends again), and the database
 * refuses an erased row that is not final (V5).
 */
public final class IdentityErasure {

  /** The final statuses, as SQL: the same list as {@link VerificationStatus#isFinal()}. */
  static final String FINAL = "('PASSED', 'FAILED', 'EXPIRED', 'REJECTED')";

  private static final String ERASE_AND_NOTE =
      " erased AS (UPDATE verifications v SET cert_name_ciphertext = NULL,"
          + " cert_no_ciphertext = NULL, pii_key_id = NULL, identity_erased_at = :now,"
          + " version = v.version + 1"
          // by primary key: a join with the batch would be hashed against a scan of the table
          + " WHERE v.id = ANY(ARRAY(SELECT id FROM due)) AND v.pii_key_id IS NOT NULL"
          + " AND v.status IN "
          + FINAL
          + " RETURNING v.id, v.status)"
          + " INSERT INTO verification_transitions"
          + " (verification_id, from_status, to_status, cause, source, occurred_at, details)"
          + " SELECT id, status, status, '"
          + Causes.IDENTITY_ERASED
          + "', :source, :now, CAST(:details AS jsonb) FROM erased";

  /**
   * The purge's batch, oldest final status first (index {@code verifications_identity_erasable}).
   */
  static final String ERASE_FINAL_BEFORE =
      "WITH due AS (SELECT id FROM verifications"
          + " WHERE pii_key_id IS NOT NULL AND status IN "
          + FINAL
          + " AND updated_at < :cutoff ORDER BY updated_at LIMIT :limit"
          + " FOR UPDATE SKIP LOCKED),"
          + ERASE_AND_NOTE;

  private final JdbcClient jdbc;
  private final Clock clock;

  public IdentityErasure(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.clock = clock;
  }

  /**
   * Erases one verification's identity now, if it is final (a data-subject request).
   *
   * @param source who erases, e.g. {@code facecheck-ops@host/user}
   * @param details recorded in the note: who asked and why; never an identity
   */
  public ErasureOutcome erase(UUID id, String source, Map<String, String> details) {
    Instant now = clock.instant();
    int erased =
        jdbc.sql("WITH due AS (SELECT CAST(:id AS uuid) AS id)," + ERASE_AND_NOTE)
            .param("id", id)
            .param("now", toDb(now))
            .param("source", source)
            .param("details", JsonColumns.write(details))
            .update();
    if (erased == 1) {
      return new ErasureOutcome.Erased(now);
    }
    return whyNot(id);
  }

  /**
   * Erases up to {@code limit} final verifications that became final before {@code finalBefore},
   * oldest first, in one statement (one transaction); rows another session holds are skipped.
   *
   * @return how many were erased; {@code limit} means more may be due
   */
  public int eraseFinalBefore(
      Instant finalBefore, int limit, String source, Map<String, String> details) {
    return jdbc.sql(ERASE_FINAL_BEFORE)
        .param("cutoff", toDb(finalBefore))
        .param("limit", limit)
        .param("now", toDb(clock.instant()))
        .param("source", source)
        .param("details", JsonColumns.write(details))
        .update();
  }

  private ErasureOutcome whyNot(UUID id) {
    Optional<Standing> standing =
        jdbc.sql(
                "SELECT status, pii_key_id IS NOT NULL AS sealed, identity_erased_at"
                    + " FROM verifications WHERE id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Standing(
                        VerificationStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("sealed"),
                        Timestamps.read(rs, "identity_erased_at")))
            .optional();
    if (standing.isEmpty()) {
      return new ErasureOutcome.NotFound();
    }
    Standing s = standing.get();
    if (s.erasedAt() != null) {
      return new ErasureOutcome.AlreadyErased(s.erasedAt());
    }
    if (!s.sealed()) {
      return new ErasureOutcome.NothingSealed();
    }
    return new ErasureOutcome.InFlight(s.status());
  }

  private record Standing(VerificationStatus status, boolean sealed, Instant erasedAt) {}
}
