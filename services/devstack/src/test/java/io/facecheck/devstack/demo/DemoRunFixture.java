package io.facecheck.devstack.demo;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import java.time.Instant;
import java.util.UUID;

/**
 * A small fixed run, as the result watcher would have seen it: 8 requests sent at 0; certify URLs
 * within seconds 0-1; finals in seconds 1-4 (PASSED 4, FAILED 2, EXPIRED 1, one never final).
 */
final class DemoRunFixture {

  static final long MS = 1_000_000;

  private DemoRunFixture() {}

  static Tally tally() {
    Tally tally = new Tally();
    long[] urlAt = {120, 180, 240, 300, 900, 1_100, 1_450, 1_900};
    Object[][] finals = {
      {ResultType.PASSED, 1_500L},
      {ResultType.PASSED, 2_100L},
      {ResultType.FAILED, 2_200L},
      {ResultType.PASSED, 2_900L},
      {ResultType.FAILED, 3_050L},
      {ResultType.PASSED, 3_800L},
      {ResultType.EXPIRED, 4_700L}
    };
    for (int i = 0; i < urlAt.length; i++) {
      String requestId = "r" + i;
      UUID id = UUID.randomUUID();
      tally.sent(requestId, 0);
      tally.received(event(ResultType.CERTIFY_URL_ISSUED, id, requestId), urlAt[i] * MS);
      if (i < finals.length) {
        tally.received(event((ResultType) finals[i][0], id, requestId), (Long) finals[i][1] * MS);
      }
    }
    return tally;
  }

  static VerificationResult event(ResultType type, UUID id, String requestId) {
    return VerificationResult.of(
        type,
        Instant.now(),
        id,
        "c",
        requestId,
        type == ResultType.CERTIFY_URL_ISSUED ? "http://x" : null,
        null,
        type.status() == ResultStatus.PASSED || type == ResultType.CERTIFY_URL_ISSUED
            ? null
            : new VerificationResult.ResultError("DEMO", "made up for the report's fixture"),
        null);
  }
}
