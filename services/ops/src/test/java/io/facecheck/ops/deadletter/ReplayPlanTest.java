package io.facecheck.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.statemachine.Verification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {

  private static final String REQUESTS = "verification-requests";

  private static ReplayPlan.Candidate candidate(
      long offset, String originalTopic, Optional<Verification> verification) {
    return new ReplayPlan.Candidate(
        Records.deadLetter(
            offset, "order-42", Records.request("order-42"), "PROVIDER_CONFIG", originalTopic),
        verification);
  }

  @Test
  void replaysADeadLetteredVerificationToItsOriginalTopic() {
    List<ReplayPlan.Step> steps =
        ReplayPlan.of(
            List.of(candidate(1, REQUESTS, Optional.of(RecordVerifications.deadLettered()))));

    assertThat(steps)
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.publishes()).isTrue();
              assertThat(step.targetTopic()).isEqualTo(REQUESTS);
            });
  }

  @Test
  void skipsARecordWithoutAnOriginalTopic() {
    ReplayPlan.Step step = ReplayPlan.of(List.of(candidate(1, null, Optional.empty()))).get(0);

    assertThat(step.publishes()).isFalse();
    assertThat(step.skipped()).contains("facecheck-original-topic");
  }

  @Test
  void skipsAVerificationThatIsAlreadyFinal() {
    Verification rejected = RecordVerifications.rejected();

    ReplayPlan.Step step =
        ReplayPlan.of(List.of(candidate(1, REQUESTS, Optional.of(rejected)))).get(0);

    assertThat(step.publishes()).isFalse();
    assertThat(step.skipped()).contains(rejected.id().toString()).contains("REJECTED");
  }

  @Test
  void replaysOnlyTheLatestDeadLetterOfOneVerification() {
    Optional<Verification> same = Optional.of(RecordVerifications.deadLettered());

    List<ReplayPlan.Step> steps =
        ReplayPlan.of(List.of(candidate(1, REQUESTS, same), candidate(5, REQUESTS, same)));

    assertThat(steps.get(0).publishes()).isFalse();
    assertThat(steps.get(0).skipped()).contains("verification-requests-dlt/2@5");
    assertThat(steps.get(1).publishes()).isTrue();
  }

  @Test
  void replaysOnlyOneOfIdenticalRecordsWhoseVerificationIsUnknown() {
    List<ReplayPlan.Step> steps =
        ReplayPlan.of(
            List.of(
                candidate(1, REQUESTS, Optional.empty()),
                candidate(2, REQUESTS, Optional.empty()),
                new ReplayPlan.Candidate(
                    Records.deadLetter(3, "other", "not json", "INVALID_JSON", REQUESTS),
                    Optional.empty())));

    assertThat(steps).extracting(ReplayPlan.Step::publishes).containsExactly(false, true, true);
  }
}
