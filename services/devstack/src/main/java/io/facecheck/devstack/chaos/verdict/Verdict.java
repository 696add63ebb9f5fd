package io.facecheck.devstack.chaos.verdict;

import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import java.util.List;
import java.util.Map;

/**
 * The chaos run's figures. The guarantees (docs/architecture.md, Guarantees) hold when every
 * request is final and lost, duplicate finals, second certify URLs, wrong finals, PII hits and
 * unaccounted hostile records are all 0.
 *
 * @param requests valid requests acknowledged (Kafka ack, or intake's 202/200)
 * @param unacknowledged valid requests the run could not get acknowledged (not in {@code requests})
 * @param finalCount requests with a final event on verification-results
 * @param finalByStatus those, per final status
 * @param lost requests neither final nor waiting in DEAD_LETTERED
 * @param deadLettered requests waiting in DEAD_LETTERED (with a reason, for ops)
 * @param duplicateFinals verifications with more than one distinct final event
 * @param redeliveredCopies identical copies (same event_id) of result events, all types
 * @param secondCertifyUrls verifications with more than one certify URL, plus certifications the
 *     simulator issued for an outer_order_no no verification holds
 * @param wrongFinals finals that disagree with what the simulated user did
 * @param returnsLostAtDoor users who failed but whose return intake never accepted (it was down):
 *     EXPIRED is then the right final; counted, not a failure
 * @param piiHits places where a cert_name or cert_no showed up
 * @param hostile hostile records sent
 * @param hostileUnaccounted hostile records without exactly one outcome
 * @param maxPartitionStallSeconds the longest time any partition had work and made no progress
 * @param recoverySeconds from the end of the last fault to the last final event
 * @param examples for each failing figure, up to five of the requests (or places) behind it
 */
public record Verdict(
    int requests,
    int unacknowledged,
    int finalCount,
    Map<String, Integer> finalByStatus,
    int lost,
    int deadLettered,
    int duplicateFinals,
    int redeliveredCopies,
    int secondCertifyUrls,
    int wrongFinals,
    int returnsLostAtDoor,
    int piiHits,
    int hostile,
    int hostileUnaccounted,
    double maxPartitionStallSeconds,
    double recoverySeconds,
    List<InjectedFault> faults,
    Map<String, List<String>> examples) {

  public static Verdict of(Evidence evidence) {
    return VerdictComputation.compute(evidence);
  }

  /** Every guarantee held. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The figures that break a guarantee, by their JSON name. */
  public List<String> failures() {
    List<String> failed = new java.util.ArrayList<>();
    if (finalCount != requests) {
      failed.add("final");
    }
    if (lost != 0) {
      failed.add("lost");
    }
    if (duplicateFinals != 0) {
      failed.add("duplicate_finals");
    }
    if (secondCertifyUrls != 0) {
      failed.add("second_certify_urls");
    }
    if (wrongFinals != 0) {
      failed.add("wrong_finals");
    }
    if (piiHits != 0) {
      failed.add("pii_hits");
    }
    if (hostileUnaccounted != 0) {
      failed.add("hostile_unaccounted");
    }
    return failed;
  }
}
