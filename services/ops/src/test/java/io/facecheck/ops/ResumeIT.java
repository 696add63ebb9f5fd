package io.facecheck.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code resume} in-process against a real PostgreSQL, on verifications made by the store. */
class ResumeIT {

  private static StoredVerifications verifications;
  private static InProcessOps ops;

  @BeforeAll
  static void start() throws Exception {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
  }

  @Test
  void resumeRecordsTheReplayRequestOfAVerificationParkedWhileAwaitingItsUser() {
    Verification parked =
        verifications.parkedWhileAwaitingUser(
            "resume-" + UUID.randomUUID(), "FINAL_QUERY_UNANSWERED");
    assertThat(verifications.store.replayRequested(parked)).isFalse();

    Run run = ops.run("resume", parked.id().toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("resume requested  " + parked.id())
        .contains("reason FINAL_QUERY_UNANSWERED");
    assertThat(verifications.store.replayRequested(parked)).isTrue();
  }

  @Test
  void resumeOfOneParkedBeforeItsCertifyUrlPointsAtDltReplayAndAsksNothing() {
    Verification parked =
        verifications.deadLettered(
            "resume-init-" + UUID.randomUUID(), DeadLetterReason.PROVIDER_CONFIG);

    Run run = ops.run("resume", parked.id().toString());

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).contains("left INITIALIZING").contains("dlt replay");
    assertThat(verifications.store.replayRequested(parked)).isFalse();
  }

  @Test
  void resumeOfAVerificationThatIsNotParkedDoesNothing() {
    Verification waiting = verifications.awaitingUser("resume-wait-" + UUID.randomUUID());

    Run run = ops.run("resume", waiting.id().toString());

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).contains("is AWAITING_USER, not DEAD_LETTERED");
  }

  @Test
  void resumeOfAnUnknownIdIsNotFoundAndABadIdIsAUsageError() {
    assertThat(ops.run("resume", UUID.randomUUID().toString()).code())
        .isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(ops.run("resume", "not-a-uuid").code()).isEqualTo(ExitCodes.USAGE);
  }
}
