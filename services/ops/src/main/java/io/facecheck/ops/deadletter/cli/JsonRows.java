package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.deadletter.DeadLetterRow;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code dlt list --json}: the row's fields in snake_case, nulls included, one line each. */
final class JsonRows {

  private JsonRows() {}

  static Map<String, Object> of(DeadLetterRow row) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dlt_topic", row.dltTopic());
    json.put("dlt_partition", row.dltPartition());
    json.put("dlt_offset", row.dltOffset());
    json.put("dead_lettered_at", row.deadLetteredAt().toString());
    json.put("reason", row.reason());
    json.put("original_topic", row.originalTopic());
    json.put("original_partition", row.originalPartition());
    json.put("original_offset", row.originalOffset());
    json.put("attempts", row.attempts());
    json.put("first_failure_at", row.firstFailureAt());
    json.put("last_failure_at", row.lastFailureAt());
    json.put("key", row.key());
    json.put("client_id", row.clientId());
    json.put("request_id", row.requestId());
    json.put("biz_code", row.bizCode());
    json.put("verification_id", row.verificationId());
    json.put("status", row.status());
    json.put("error_message", row.errorMessage());
    return json;
  }
}
