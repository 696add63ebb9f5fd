package io.facecheck.ops.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ResumeJsonTest {

  @Test
  void namesTheVerificationTheReasonAndWhereItResumesTo() {
    Verification parked =
        Fixtures.awaitingUser().markDeadLettered("FINAL_QUERY_UNANSWERED").after();

    assertThat(ResumeCommand.json(parked))
        .containsEntry("action", "resume_requested")
        .containsEntry("verification_id", parked.id().toString())
        .containsEntry("status", "DEAD_LETTERED")
        .containsEntry("dead_letter_reason", "FINAL_QUERY_UNANSWERED")
        .containsEntry("resumes_to", "AWAITING_USER");
  }
}
