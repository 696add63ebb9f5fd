package io.facecheck.ops.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Dead-letter records as the worker writes them, for unit tests. */
final class Records {

  static final String NAME = "张三丰";
  static final String NUMBER = "11010519491231002X";
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private Records() {}

  static String request(String requestId) {
    return """
        {"schema_version":1,"request_id":"%s","client_id":"loan-service","biz_code":"FACE",
         "identity":{"cert_type":"IDENTITY_CARD","cert_name":"%s","cert_no":"%s"},
         "return_url":"https://loan.example/done"}"""
        .formatted(requestId, NAME, NUMBER);
  }

  static DeadLetterRecord deadLetter(
      long offset, String key, String value, String reason, String originalTopic) {
    List<DeadLetterRecord.Header> headers = new ArrayList<>();
    headers.add(header("traceparent", "00-abc-01"));
    headers.add(header(DeadLetterHeaders.REASON, reason));
    if (originalTopic != null) {
      headers.add(header(DeadLetterHeaders.ORIGINAL_TOPIC, originalTopic));
      headers.add(header(DeadLetterHeaders.ORIGINAL_PARTITION, "2"));
      headers.add(header(DeadLetterHeaders.ORIGINAL_OFFSET, "41"));
    }
    headers.add(header(DeadLetterHeaders.ATTEMPTS, "3"));
    headers.add(header(DeadLetterHeaders.FIRST_FAILURE_AT, T0.toString()));
    headers.add(header(DeadLetterHeaders.LAST_FAILURE_AT, T0.plusSeconds(5).toString()));
    headers.add(
        header(DeadLetterHeaders.ERROR_MESSAGE, "Alipay said no for " + NAME + " / " + NUMBER));
    return new DeadLetterRecord(
        "verification-requests-dlt",
        2,
        offset,
        T0.plusSeconds(offset),
        key == null ? null : key.getBytes(UTF_8),
        value == null ? null : value.getBytes(UTF_8),
        headers);
  }

  static DeadLetterRecord.Header header(String key, String value) {
    return new DeadLetterRecord.Header(key, value.getBytes(UTF_8));
  }
}
