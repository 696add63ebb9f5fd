package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Causes;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code erase} in-process against a real PostgreSQL, on verifications made by the store. */
class EraseIT {

  private static StoredVerifications verifications;
  private static InProcessOps ops;
  private static JdbcClient sql;

  @BeforeAll
  static void start() {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
    sql = JdbcClient.create(verifications.db.dataSource());
  }

  @Test
  void erasesAFinalVerificationNowAndRecordsWhoAndWhy() {
    Verification passed = passed("erase-" + UUID.randomUUID());

    Run run =
        ops.run(
            "erase",
            passed.id().toString(),
            "--reason",
            "DSR-2026-0117 deletion request",
            "--requested-by",
            "privacy-office");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("erased          " + passed.id()).contains("PASSED");
    run.assertNoIdentity();
    Map<String, Object> row = row(passed.id());
    assertThat(row.get("cert_name_ciphertext")).isNull();
    assertThat(row.get("cert_no_ciphertext")).isNull();
    assertThat(row.get("pii_key_id")).isNull();
    assertThat(row.get("identity_erased_at")).isNotNull();
    assertThat(row.get("status")).isEqualTo("PASSED");
    Transition note = last(verifications.store.timeline(passed.id()));
    assertThat(note.cause()).isEqualTo(Causes.IDENTITY_ERASED);
    assertThat(note.source()).startsWith("facecheck-ops@");
    assertThat(note.details())
        .containsEntry("reason", "DSR-2026-0117 deletion request")
        .containsEntry("requested_by", "privacy-office")
        .containsEntry("kind", "data-subject request");

    Run again =
        ops.run(
            "erase", "--request", "loan-service:" + passed.requestId(), "--reason", "DSR again");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("already erased  " + passed.id());
    assertThat(
            verifications.store.timeline(passed.id()).stream()
                .filter(t -> t.cause().equals(Causes.IDENTITY_ERASED)))
        .hasSize(1);
  }

  @Test
  void findsTheVerificationByTheCallersIds() {
    Verification rejected = verifications.rejected("erase-rej-" + UUID.randomUUID());

    Run run =
        ops.run(
            "erase",
            "--request",
            StoredVerifications.CLIENT_ID + ":" + rejected.requestId(),
            "--reason",
            "DSR-2");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("erased          " + rejected.id()).contains("REJECTED");
    assertThat(row(rejected.id()).get("pii_key_id")).isNull();
  }

  @Test
  void refusesEveryVerificationStillInFlightWithExitCode3AndTouchesNothing() {
    List<Verification> inFlight =
        List.of(
            verifications.created("erase-new-" + UUID.randomUUID()),
            verifications.awaitingUser("erase-wait-" + UUID.randomUUID()),
            verifications.deadLettered(
                "erase-dlt-" + UUID.randomUUID(), DeadLetterReason.PROVIDER_CONFIG));
    for (Verification v : inFlight) {
      String before = rowText(v.id());
      int timeline = verifications.store.timeline(v.id()).size();

      Run run = ops.run("erase", v.id().toString(), "--reason", "DSR-3");

      assertThat(run.code()).as(v.status().name()).isEqualTo(ExitCodes.REFUSED);
      assertThat(run.err()).contains("refused").contains("is " + v.status() + ", not final");
      assertThat(rowText(v.id())).isEqualTo(before);
      assertThat(verifications.store.timeline(v.id())).hasSize(timeline);
    }
    assertThat(ops.run("erase", inFlight.get(2).id().toString(), "--reason", "x").err())
        .contains("dlt replay");
  }

  @Test
  void usageErrorsAndUnknownVerifications() {
    Verification passed = passed("erase-use-" + UUID.randomUUID());

    assertThat(ops.run("erase", passed.id().toString()).code()).isEqualTo(ExitCodes.USAGE);
    Run withIdNumber =
        ops.run("erase", passed.id().toString(), "--reason", "for " + StoredVerifications.CERT_NO);
    assertThat(withIdNumber.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(withIdNumber.err()).contains("ID number");
    withIdNumber.assertNoIdentity();
    assertThat(row(passed.id()).get("pii_key_id")).isNotNull();
    assertThat(ops.run("erase", "--reason", "x").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(ops.run("erase", "not-a-uuid", "--reason", "x").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(ops.run("erase", UUID.randomUUID().toString(), "--reason", "x").code())
        .isEqualTo(ExitCodes.NOT_FOUND);
  }

  private static Verification passed(String requestId) {
    Verification waiting = verifications.awaitingUser(requestId);
    verifications.store.apply(waiting.markPassed(), "reconciler@ops-it");
    return verifications.store.find(waiting.id()).orElseThrow();
  }

  private static Map<String, Object> row(UUID id) {
    return sql.sql("SELECT * FROM verifications WHERE id = :id")
        .param("id", id)
        .query()
        .singleRow();
  }

  private static String rowText(UUID id) {
    return sql.sql("SELECT v::text FROM verifications v WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  private static Transition last(List<Transition> timeline) {
    return timeline.get(timeline.size() - 1);
  }
}
