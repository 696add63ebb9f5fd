package io.facecheck.ops;

import static io.facecheck.ops.StoredVerifications.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.ops.InProcessOps.Run;
import io.facecheck.ops.exit.ExitCodes;
import io.facecheck.statemachine.Verification;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code timeline} in-process against a real PostgreSQL, on verifications made by the store. */
class TimelineIT {

  private static StoredVerifications verifications;
  private static InProcessOps ops;

  @BeforeAll
  static void start() throws Exception {
    verifications = StoredVerifications.migrated(Clock.systemUTC());
    ops = new InProcessOps(verifications.db, Clock.systemUTC());
  }

  @Test
  void timelinePrintsTheTransitionsInOrderByIdAndByRequest() {
    String requestId = "timeline-" + UUID.randomUUID();
    Verification parked = verifications.deadLettered(requestId, DeadLetterReason.PROVIDER_CONFIG);

    Run byId = ops.run("timeline", parked.id().toString());
    Run byRequest = ops.run("timeline", "--request", CLIENT_ID + ":" + requestId);

    assertThat(byId.code()).isZero();
    assertThat(byRequest.out()).isEqualTo(byId.out());
    assertThat(byId.out())
        .contains("verification    " + parked.id())
        .contains("request         " + CLIENT_ID + ":" + requestId)
        .contains("status          DEAD_LETTERED (reason PROVIDER_CONFIG")
        .contains("expires_at      " + parked.expiresAt())
        .contains("outer_order_no  " + parked.outerOrderNo());
    List<String> lines = byId.out().lines().toList();
    int received = indexOf(lines, "^1 .* +RECEIVED +REQUEST_RECEIVED +intake@ops-it.*");
    int initializing =
        indexOf(lines, "^2 .*RECEIVED +INITIALIZING +INITIALIZE_STARTED +worker@ops-it.*");
    int deadLettered =
        indexOf(
            lines,
            "^3 .*INITIALIZING +DEAD_LETTERED +DEAD_LETTERED +worker@ops-it +reason=PROVIDER_CONFIG$");
    assertThat(initializing).isEqualTo(received + 1);
    assertThat(deadLettered).isEqualTo(initializing + 1);
    assertThat(lines).hasSize(deadLettered + 1);
    byId.assertNoIdentity();
  }

  @Test
  void timelineOfAnUnknownVerificationIsNotFound() {
    Run run = ops.run("timeline", UUID.randomUUID().toString());

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.err()).contains("no verification");
  }

  private static int indexOf(List<String> lines, String regex) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(regex)) {
        return i;
      }
    }
    throw new AssertionError("no line matching " + regex + " in\n" + String.join("\n", lines));
  }
}
