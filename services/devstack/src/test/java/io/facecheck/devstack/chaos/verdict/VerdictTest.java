package io.facecheck.devstack.chaos.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.chaos.verdict.Evidence.DeadLetteredRequest;
import io.facecheck.devstack.chaos.verdict.Evidence.HostileRecord;
import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import io.facecheck.devstack.chaos.verdict.Evidence.OffsetSample;
import io.facecheck.devstack.chaos.verdict.Evidence.ResultRecord;
import io.facecheck.devstack.chaos.verdict.Evidence.SentRequest;
import io.facecheck.devstack.chaos.verdict.Evidence.VerificationRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each figure of the verdict, on made-up evidence: clean, then broken one way at a time. */
class VerdictTest {

  /** Made-up evidence, built up per test. */
  private static final class Run {
    final List<SentRequest> requests = new ArrayList<>();
    final List<ResultRecord> results = new ArrayList<>();
    final List<DeadLetteredRequest> deadLetters = new ArrayList<>();
    final List<VerificationRow> rows = new ArrayList<>();
    final Map<String, String> certifications = new HashMap<>();
    final Set<String> callbacks = new HashSet<>();
    final List<HostileRecord> hostile = new ArrayList<>();
    final List<String> pii = new ArrayList<>();
    final List<OffsetSample> samples = new ArrayList<>();
    final List<InjectedFault> faults = new ArrayList<>();
    long extraCertifications;

    /** A request the user settled with {@code user}, ending {@code status} at {@code atMs}. */
    Run verification(String id, String user, String status, long atMs) {
      requests.add(new SentRequest("demo", id, "kafka"));
      String certifyId = user == null ? null : "c-" + id;
      rows.add(
          new VerificationRow(
              "v-" + id, "demo", id, status, certifyId == null ? null : "o-" + id, certifyId));
      if (certifyId != null) {
        certifications.put(certifyId, user);
        results.add(
            event(id, "certify_url_issued", "AWAITING_USER", false, "https://u/" + id, atMs - 1));
        if ("FAILED".equals(user)) {
          callbacks.add("v-" + id);
        }
      }
      if (!"DEAD_LETTERED".equals(status) && !"AWAITING_USER".equals(status)) {
        results.add(event(id, status.toLowerCase(), status, true, null, atMs));
      }
      return this;
    }

    Evidence evidence() {
      long certifications = this.certifications.size() + extraCertifications;
      return new Evidence(
          requests,
          0,
          results,
          deadLetters,
          rows,
          this.certifications,
          certifications,
          callbacks,
          hostile,
          pii,
          samples,
          faults);
    }
  }

  private static ResultRecord event(
      String id, String type, String status, boolean isFinal, String url, long atMs) {
    return new ResultRecord(
        "demo",
        id,
        "e-" + id + "-" + type,
        "verification." + type,
        status,
        isFinal,
        "v-" + id,
        url,
        atMs);
  }

  private static Run clean() {
    return new Run()
        .verification("r1", "PASSED", "PASSED", 10_000)
        .verification("r2", "FAILED", "FAILED", 11_000)
        .verification("r3", "ABANDONED", "EXPIRED", 12_000)
        .verification("r4", null, "EXPIRED", 13_000);
  }

  @Test
  void aCleanRunPassesEveryFigure() {
    Verdict v = Verdict.of(clean().evidence());

    assertThat(v.passed()).isTrue();
    assertThat(v.requests()).isEqualTo(4);
    assertThat(v.finalCount()).isEqualTo(4);
    assertThat(v.finalByStatus()).containsEntry("EXPIRED", 2).containsEntry("PASSED", 1);
    assertThat(v.lost()).isZero();
  }

  @Test
  void aRequestWithoutFinalIsLostUnlessDeadLettered() {
    Run run = clean().verification("r5", "PASSED", "AWAITING_USER", 14_000);
    run.verification("r6", null, "DEAD_LETTERED", 0);
    run.requests.add(new SentRequest("demo", "never-stored", "http"));

    Verdict v = Verdict.of(run.evidence());

    assertThat(v.lost()).isEqualTo(2);
    assertThat(v.deadLettered()).isEqualTo(1);
    assertThat(v.finalCount()).isEqualTo(4);
    assertThat(v.failures()).containsExactly("final", "lost");
  }

  @Test
  void identicalCopiesAreRedeliveriesButTwoDistinctFinalsAreDuplicates() {
    Run run = clean();
    run.results.add(run.results.get(1)); // the same PASSED event again
    assertThat(Verdict.of(run.evidence()).redeliveredCopies()).isEqualTo(1);
    assertThat(Verdict.of(run.evidence()).passed()).isTrue();

    run.results.add(event("r1", "failed", "FAILED", true, null, 20_000));
    Verdict v = Verdict.of(run.evidence());

    assertThat(v.duplicateFinals()).isEqualTo(1);
    assertThat(v.failures()).containsExactly("duplicate_finals");
  }

  @Test
  void aSecondUrlOrACertificationNoRowHoldsIsASecondCertifyUrl() {
    Run run = clean();
    run.results.add(
        event("r2", "certify_url_issued", "AWAITING_USER", false, "https://u/other", 5));
    assertThat(Verdict.of(run.evidence()).secondCertifyUrls()).isEqualTo(1);

    run.extraCertifications = 2;
    Verdict v = Verdict.of(run.evidence());

    assertThat(v.secondCertifyUrls()).isEqualTo(3);
    assertThat(v.failures()).containsExactly("second_certify_urls");
  }

  @Test
  void anInitializeWhoseAnswerWasNeverRecordedIsNoSecondCertification() {
    Run run = clean();
    // Alipay issued a certification for o-lost, the worker never stored its certify_id, and the
    // verification expired: one certification for one order number
    run.requests.add(new SentRequest("demo", "lost-answer", "kafka"));
    run.rows.add(new VerificationRow("v-l", "demo", "lost-answer", "EXPIRED", "o-lost", null));
    run.results.add(event("lost-answer", "expired", "EXPIRED", true, null, 1));
    run.extraCertifications = 1;

    Verdict v = Verdict.of(run.evidence());

    assertThat(v.secondCertifyUrls()).isZero();
    assertThat(v.passed()).isTrue();
  }

  @Test
  void aFinalTheUserDidNotEarnIsWrong() {
    Run run =
        new Run()
            .verification("p", "PASSED", "EXPIRED", 1)
            .verification("a", "ABANDONED", "FAILED", 1)
            .verification("n", null, "PASSED", 1);

    Verdict v = Verdict.of(run.evidence());

    assertThat(v.wrongFinals()).isEqualTo(3);
    assertThat(v.failures()).containsExactly("wrong_finals");
  }

  @Test
  void aFailedUserWhoseReturnNeverGotInMayEndExpiredButOnceItGotInMustEndFailed() {
    Run lostAtDoor = new Run().verification("f", "FAILED", "EXPIRED", 1);
    lostAtDoor.callbacks.clear();
    Verdict v = Verdict.of(lostAtDoor.evidence());
    assertThat(v.wrongFinals()).isZero();
    assertThat(v.returnsLostAtDoor()).isEqualTo(1);

    Run returned = new Run().verification("f", "FAILED", "EXPIRED", 1);
    assertThat(Verdict.of(returned.evidence()).wrongFinals()).isEqualTo(1);
  }

  @Test
  void everyPiiHitCounts() {
    Run run = clean();
    run.pii.add("log worker-1.log line 12");
    run.pii.add("topic verification-queries partition 0 offset 3");

    Verdict v = Verdict.of(run.evidence());

    assertThat(v.piiHits()).isEqualTo(2);
    assertThat(v.failures()).containsExactly("pii_hits");
  }

  @Test
  void eachHostileRecordNeedsExactlyOneOutcome() {
    Run run = clean();
    // dead-lettered once: accounted
    run.hostile.add(new HostileRecord("not-json", "kafka", "hostile", null, 2, 40, 0));
    run.deadLetters.add(new DeadLetteredRequest(Topics.REQUESTS, 2, 40, "INVALID_JSON"));
    // REJECTED once: accounted
    run.hostile.add(new HostileRecord("nul", "kafka", "hostile", "h-nul", 1, 7, 0));
    run.results.add(
        new ResultRecord(
            "hostile", "h-nul", "e-nul", "verification.rejected", "REJECTED", true, "v", null, 1));
    // refused at the door: accounted
    run.hostile.add(new HostileRecord("deep", "http", "demo", "h-deep", -1, -1, 400));
    assertThat(Verdict.of(run.evidence()).hostileUnaccounted()).isZero();

    // no outcome at all; a dead letter and a final; a 500 at the door
    run.hostile.add(new HostileRecord("silent", "kafka", "hostile", null, 0, 99, 0));
    run.hostile.add(new HostileRecord("twice", "kafka", "hostile", "h-nul", 1, 8, 0));
    run.deadLetters.add(new DeadLetteredRequest(Topics.REQUESTS, 1, 8, "UNSTORABLE"));
    run.hostile.add(new HostileRecord("crash", "http", "demo", "h-crash", -1, -1, 500));
    Verdict v = Verdict.of(run.evidence());

    assertThat(v.hostile()).isEqualTo(6);
    assertThat(v.hostileUnaccounted()).isEqualTo(3);
    assertThat(v.failures()).containsExactly("hostile_unaccounted");
  }

  @Test
  void theLongestStallIsWhileWorkWaitsAndNothingIsCommitted() {
    Run run = clean();
    // p0: lag from 1 s, no progress until 9 s (8 s); p1: progresses every sample
    long[][] p0 = {{1_000, 5, 10}, {3_000, 5, 12}, {9_000, 6, 12}, {10_000, 12, 12}};
    for (long[] s : p0) {
      run.samples.add(new OffsetSample(s[0], "worker", Topics.REQUESTS, 0, s[1], s[2]));
    }
    for (int i = 0; i < 10; i++) {
      run.samples.add(new OffsetSample(i * 1_000L, "worker", Topics.REQUESTS, 1, i, 20));
    }
    // caught up and idle is no stall
    run.samples.add(new OffsetSample(0, "reconciler", Topics.CALLBACKS, 0, 4, 4));
    run.samples.add(new OffsetSample(60_000, "reconciler", Topics.CALLBACKS, 0, 4, 4));

    assertThat(Verdict.of(run.evidence()).maxPartitionStallSeconds()).isEqualTo(8.0);
  }

  @Test
  void recoveryRunsFromTheLastFaultToTheLastFinal() {
    Run run = clean();
    run.faults.add(new InjectedFault("broker_stop", "kafka", 1_000, 5_000, false));
    run.faults.add(new InjectedFault("kill", "worker-1", 6_000, 9_000, false));
    run.faults.add(new InjectedFault("alipay_errors", "alipay", 0, 60_000, true));

    assertThat(Verdict.of(run.evidence()).recoverySeconds()).isEqualTo(4.0); // 13 s - 9 s
  }

  @Test
  void theJsonHasTheContractsFields() {
    Map<String, Object> json = VerdictReport.json(Verdict.of(clean().evidence()), 0, Map.of());

    assertThat(json)
        .containsKeys(
            "requests",
            "final",
            "lost",
            "duplicate_finals",
            "second_certify_urls",
            "wrong_finals",
            "pii_hits",
            "hostile_unaccounted",
            "max_partition_stall_s",
            "recovery_s",
            "faults");
    assertThat(VerdictReport.table(Verdict.of(clean().evidence()))).contains("verdict: PASSED");
  }
}
