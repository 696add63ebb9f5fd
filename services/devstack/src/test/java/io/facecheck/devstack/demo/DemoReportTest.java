package io.facecheck.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoReportTest {

  private static final long MS = 1_000_000;

  @Test
  void countsEachRequestOnceAndMeasuresFromItsSending() {
    Tally tally = new Tally();
    tally.sent("r1", 0);
    tally.sent("r2", 0);
    UUID v1 = UUID.randomUUID();
    tally.received(url(v1, "r1"), 100 * MS);
    tally.received(url(v1, "r1"), 150 * MS); // redelivered: ignored
    tally.received(passed(v1, "r1"), 1_000 * MS);
    tally.received(url(UUID.randomUUID(), "r2"), 300 * MS);
    tally.received(url(UUID.randomUUID(), "someone-else"), 300 * MS);

    DemoReport report = DemoReport.of(tally);

    assertThat(report.requested()).isEqualTo(2);
    assertThat(report.certifyUrls()).isEqualTo(2);
    assertThat(report.finals().get(ResultStatus.PASSED)).isEqualTo(1);
    assertThat(report.toCertifyUrl()).isEqualTo(new Percentiles(2, 100, 300, 300, 300));
    assertThat(report.toFinal()).isEqualTo(new Percentiles(1, 1_000, 1_000, 1_000, 1_000));
    assertThat(report.certifyUrlsPerSecond()).isCloseTo(2 / 0.3, within(1e-9));
    assertThat(tally.unexpected()).isEqualTo(1);
    assertThat(report.render()).contains("PASSED").contains("p99");
  }

  private static VerificationResult url(UUID id, String requestId) {
    return VerificationResult.of(
        ResultType.CERTIFY_URL_ISSUED,
        Instant.now(),
        id,
        "c",
        requestId,
        "http://x",
        null,
        null,
        null);
  }

  private static VerificationResult passed(UUID id, String requestId) {
    return VerificationResult.of(
        ResultType.PASSED, Instant.now(), id, "c", requestId, null, null, null, null);
  }
}
