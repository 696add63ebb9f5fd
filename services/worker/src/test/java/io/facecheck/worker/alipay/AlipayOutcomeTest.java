package io.facecheck.worker.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlipayOutcomeTest {

  @Test
  void detailIsWhatAFailureCarriesOrTheOutcomeItself() {
    assertThat(new AlipayOutcome.Retryable<String>("read timed out").detail())
        .isEqualTo("read timed out");
    assertThat(new AlipayOutcome.Unknown<String>("no answer").detail()).isEqualTo("no answer");
    assertThat(new AlipayOutcome.ProviderConfig<String>("40002", "bad key").detail())
        .isEqualTo("bad key");
    assertThat(new AlipayOutcome.Unavailable<String>("breaker open", Instant.EPOCH).detail())
        .isEqualTo("breaker open");
    assertThat(new AlipayOutcome.Rejected<String>("CERT_NO_INVALID").detail())
        .contains("CERT_NO_INVALID");
  }
}
