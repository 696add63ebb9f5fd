package io.facecheck.contracts.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationQueryResultTest {

  private static final VerificationQuery QUERY =
      VerificationQuery.of(
          UUID.randomUUID(),
          UUID.randomUUID(),
          "default",
          "cid-1",
          QueryReason.FINAL,
          Instant.parse("2026-11-26T10:15:00Z"));

  @Test
  void answersItsQuery() {
    VerificationQueryResult result =
        VerificationQueryResult.answering(
            QUERY,
            QueryOutcome.NOT_FOUND,
            "CERTIFY_ID_NOT_EXIST",
            Instant.parse("2026-11-26T10:15:01Z"));

    assertThat(result.queryId()).isEqualTo(QUERY.queryId());
    assertThat(result.verificationId()).isEqualTo(QUERY.verificationId());
    assertThat(result.certifyId()).isEqualTo("cid-1");
    assertThat(result.reason()).isEqualTo(QueryReason.FINAL);
  }

  @Test
  void aPassCarriesNoFailReason() {
    assertThatThrownBy(
            () -> VerificationQueryResult.answering(QUERY, QueryOutcome.PASSED, "x", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
