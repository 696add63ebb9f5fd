package io.facecheck.statemachine.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema defends itself: each test tries to break one rule and expects PostgreSQL to refuse.
 */
class MigrationConstraintsIT {

  private static MigratedDatabase db;
  private static JdbcClient jdbc;

  @BeforeAll
  static void migrate() {
    db = MigratedDatabase.create();
    jdbc = db.jdbc;
  }

  @Test
  void migrationsApplyInOrder() {
    assertThat(
            jdbc.sql(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class)
                .list())
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
  }

  @Test
  void acceptsAWellFormedRow() {
    UUID id = insert("ok-1", "'RECEIVED'", "'k1'");
    assertThat(
            jdbc.sql("SELECT status FROM verifications WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("RECEIVED");
  }

  @Test
  void refusesASecondRowForTheSameIdempotencyKey() {
    insert("dup-1", "'RECEIVED'", "'k1'");
    assertThatThrownBy(() -> insert("dup-1", "'RECEIVED'", "'k1'"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("verifications_idempotency_key");
  }

  @Test
  void refusesAnUnknownStatus() {
    assertThatThrownBy(() -> insert("bad-status", "'DONE'", "'k1'"))
        .hasMessageContaining("status_check");
  }

  @Test
  void refusesCiphertextWithoutItsKeyId() {
    assertThatThrownBy(() -> insert("no-key", "'RECEIVED'", "NULL"))
        .hasMessageContaining("verifications_pii_sealed_together");
  }

  @Test
  void refusesAQueryScheduleOnAFinalStatus() {
    UUID id = insertAwaiting("final-query");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE verifications SET status = 'PASSED' WHERE id = ?")
                    .param(id)
                    .update())
        .hasMessageContaining("verifications_query_only_while_awaiting");
  }

  @Test
  void refusesAwaitingUserWithoutCertifyId() {
    UUID id = insertAwaiting("no-certify");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE verifications SET certify_id = NULL WHERE id = ?")
                    .param(id)
                    .update())
        .hasMessageContaining("verifications_certify_id_when_issued");
  }

  @Test
  void refusesFailedWithoutAnError() {
    UUID id = insertAwaiting("failed-no-error");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE verifications SET status = 'FAILED', next_query_at = NULL WHERE id = ?")
                    .param(id)
                    .update())
        .hasMessageContaining("verifications_error_on_unsuccessful_final");
  }

  @Test
  void refusesADeadLetterWithoutReasonOrOrigin() {
    UUID id = insert("dl", "'RECEIVED'", "'k1'");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE verifications SET status = 'DEAD_LETTERED' WHERE id = ?")
                    .param(id)
                    .update())
        .hasMessageContaining("verifications_dead_letter_explained");
  }

  @Test
  void refusesMalformedOuterOrderNumbersAndDuplicates() {
    UUID a = insert("oon-a", "'RECEIVED'", "'k1'");
    UUID b = insert("oon-b", "'RECEIVED'", "'k1'");
    jdbc.sql("UPDATE verifications SET outer_order_no = 'FC1' WHERE id = ?").param(a).update();
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE verifications SET outer_order_no = 'FC1' WHERE id = ?")
                    .param(b)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE verifications SET outer_order_no = 'FC-2' WHERE id = ?")
                    .param(b)
                    .update())
        .hasMessageContaining("outer_order_no_check");
  }

  @Test
  void refusesToRewriteOrEraseTheTimeline() {
    UUID id = insert("timeline", "'RECEIVED'", "'k1'");
    jdbc.sql(
            "INSERT INTO verification_transitions (verification_id, from_status, to_status, cause, source)"
                + " VALUES (?, NULL, 'RECEIVED', 'REQUEST_RECEIVED', 'test')")
        .param(id)
        .update();

    assertThatThrownBy(
            () -> jdbc.sql("UPDATE verification_transitions SET cause = 'FORGED'").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM verification_transitions").update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE verification_transitions CASCADE").update())
        .hasMessageContaining("append-only");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM verification_transitions WHERE cause = 'REQUEST_RECEIVED'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void refusesATimelineThatDoesNotStartAtReceived() {
    UUID id = insert("timeline-start", "'RECEIVED'", "'k1'");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO verification_transitions (verification_id, from_status, to_status,"
                            + " cause, source) VALUES (?, NULL, 'PASSED', 'X', 'test')")
                    .param(id)
                    .update())
        .hasMessageContaining("verification_transitions_start_received");
  }

  @Test
  void refusesADuplicateEventAndASecondFinalEvent() {
    UUID id = insert("events", "'RECEIVED'", "'k1'");
    UUID eventId = UUID.randomUUID();
    outbox(eventId, id, "verification.passed");
    assertThatThrownBy(() -> outbox(eventId, id, "verification.certify_url_issued"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("outbox_event_id_key");
    assertThatThrownBy(() -> outbox(UUID.randomUUID(), id, "verification.failed"))
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("outbox_one_final_event");
  }

  private static void outbox(UUID eventId, UUID verificationId, String type) {
    jdbc.sql(
            "INSERT INTO outbox (event_id, verification_id, event_type, message_key, payload)"
                + " VALUES (?, ?, ?, 'loan-service:x', '{}')")
        .params(eventId, verificationId, type)
        .update();
  }

  private static UUID insertAwaiting(String requestId) {
    UUID id = insert(requestId, "'RECEIVED'", "'k1'");
    jdbc.sql(
            "UPDATE verifications SET status = 'AWAITING_USER', outer_order_no = ?, certify_id = 'c',"
                + " certify_url = 'https://a.example/c', next_query_at = now() WHERE id = ?")
        .params(requestId.replace("-", ""), id)
        .update();
    return id;
  }

  private static UUID insert(String requestId, String status, String keyId) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO verifications (id, client_id, request_id, request_hash, status, biz_code, app,"
                + " return_url, ttl_seconds, cert_type, cert_name_ciphertext, cert_no_ciphertext,"
                + " pii_key_id, expires_at) VALUES (?, 'loan-service', ?, repeat('a', 64), "
                + status
                + ", 'FACE', 'default', 'https://loan.example/done', 900, 'IDENTITY_CARD',"
                + " '\\x00'::bytea, '\\x01'::bytea, "
                + keyId
                + ", now() + interval '15 minutes')")
        .params(id, requestId)
        .update();
    return id;
  }
}
