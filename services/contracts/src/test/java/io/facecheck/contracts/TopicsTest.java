package io.facecheck.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void namesMatchTheDesign() {
    assertThat(Topics.REQUESTS).isEqualTo("verification-requests");
    assertThat(Topics.REQUESTS_DLT).isEqualTo(Topics.REQUESTS + Topics.DLT_SUFFIX);
    assertThat(Topics.QUERIES_DLT).isEqualTo("verification-queries-dlt");
    assertThat(Topics.REQUESTS_RETRY_PREFIX).isEqualTo(Topics.REQUESTS + Topics.RETRY_SUFFIX + "-");
    assertThat(Topics.RESULTS).isEqualTo("verification-results");
  }

  @Test
  void resultKeyIsClientIdColonRequestId() {
    assertThat(Topics.resultKey("loan-service", "order-42-kyc"))
        .isEqualTo("loan-service:order-42-kyc");
  }
}
