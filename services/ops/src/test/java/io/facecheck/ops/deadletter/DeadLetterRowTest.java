package io.facecheck.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLetterRowTest {

  @Test
  void carriesTheHeadersAndSafeFieldsScrubbedOfTheRecordsIdentity() {
    DeadLetterRecord record =
        Records.deadLetter(
            7, "order-42", Records.request("order-42"), "PROVIDER_CONFIG", "verification-requests");

    DeadLetterRow row = DeadLetterRow.of(record, RecordValue.of(record.value()), Optional.empty());

    assertThat(row.reason()).isEqualTo("PROVIDER_CONFIG");
    assertThat(row.originalTopic()).isEqualTo("verification-requests");
    assertThat(row.originalPartition()).isEqualTo("2");
    assertThat(row.originalOffset()).isEqualTo("41");
    assertThat(row.attempts()).isEqualTo("3");
    assertThat(row.firstFailureAt()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(row.key()).isEqualTo("order-42");
    assertThat(row.clientId()).isEqualTo("loan-service");
    assertThat(row.requestId()).isEqualTo("order-42");
    assertThat(row.errorMessage())
        .isEqualTo("Alipay said no for 张** / 1101**********002X")
        .doesNotContain(Records.NAME);
    assertThat(row.verificationId()).isNull();
  }

  @Test
  void showsDetailsOfOneRecordWithEveryHeaderAndTheMaskedValue() {
    DeadLetterRecord record =
        Records.deadLetter(
            7, "order-42", Records.request("order-42"), "PROVIDER_CONFIG", "verification-requests");

    String shown =
        String.join(
            "\n",
            DeadLetterDetails.lines(record, RecordValue.of(record.value()), Optional.empty()));

    assertThat(shown)
        .contains("verification-requests-dlt/2@7")
        .contains("traceparent")
        .contains("facecheck-reason")
        .contains("facecheck-original-offset")
        .contains("1101**********002X")
        .doesNotContain(Records.NAME)
        .doesNotContain(Records.NUMBER);
  }
}
