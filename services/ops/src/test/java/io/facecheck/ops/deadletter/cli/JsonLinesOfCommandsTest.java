package io.facecheck.ops.deadletter.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.DeadLetterRow;
import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.render.JsonLines;
import io.facecheck.statemachine.Verification;
import io.facecheck.statemachine.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code dlt list --json} and {@code dlt replay --json}: one object per line, no identity. */
class JsonLinesOfCommandsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String VALUE =
      "{\"request_id\":\"order-42\",\"client_id\":\"loan-service\",\"biz_code\":\"FACE\","
          + "\"identity\":{\"cert_name\":\""
          + Fixtures.CERT_NAME
          + "\",\"cert_no\":\""
          + Fixtures.CERT_NO
          + "\"}}";

  private static DeadLetterRecord record(String originalTopic) {
    List<DeadLetterRecord.Header> headers =
        originalTopic == null
            ? List.of(header(DeadLetterHeaders.REASON, "PROVIDER_CONFIG"))
            : List.of(
                header(DeadLetterHeaders.REASON, "PROVIDER_CONFIG"),
                header(DeadLetterHeaders.ORIGINAL_TOPIC, originalTopic),
                header(DeadLetterHeaders.ERROR_MESSAGE, "no for " + Fixtures.CERT_NO));
    return new DeadLetterRecord(
        "verification-requests-dlt",
        1,
        9,
        Instant.parse("2026-11-26T10:00:00Z"),
        "order-42".getBytes(UTF_8),
        VALUE.getBytes(UTF_8),
        headers);
  }

  private static DeadLetterRecord.Header header(String key, String value) {
    return new DeadLetterRecord.Header(key, value.getBytes(UTF_8));
  }

  private static JsonNode line(Map<String, ?> fields) {
    StringWriter text = new StringWriter();
    JsonLines.write(new PrintWriter(text, true), fields);
    assertThat(text.toString().lines()).hasSize(1);
    assertThat(text.toString()).doesNotContain(Fixtures.CERT_NAME).doesNotContain(Fixtures.CERT_NO);
    return JSON.readTree(text.toString());
  }

  @Test
  void listWritesEveryRowFieldInSnakeCase() {
    DeadLetterRecord record = record("verification-requests");
    Verification v = Fixtures.received("order-42");
    DeadLetterRow row = DeadLetterRow.of(record, RecordValue.of(record.value()), Optional.of(v));

    JsonNode json = line(JsonRows.of(row));

    assertThat(json.propertyNames())
        .containsExactly(
            "dlt_topic",
            "dlt_partition",
            "dlt_offset",
            "dead_lettered_at",
            "reason",
            "original_topic",
            "original_partition",
            "original_offset",
            "attempts",
            "first_failure_at",
            "last_failure_at",
            "key",
            "client_id",
            "request_id",
            "biz_code",
            "verification_id",
            "status",
            "error_message");
    assertThat(json.get("verification_id").asString()).isEqualTo(v.id().toString());
    assertThat(json.get("error_message").asString()).isEqualTo("no for 1101**********002X");
  }

  @Test
  void replayWritesOneLinePerOutcomeWithItsAction() {
    Verification v = Fixtures.received("order-42");
    List<ReplayPlan.Step> steps =
        ReplayPlan.of(
            List.of(
                new ReplayPlan.Candidate(record("verification-requests"), Optional.of(v)),
                new ReplayPlan.Candidate(record(null), Optional.empty())));

    JsonNode replayed =
        line(
            ReplayLines.json(
                new ReplayOutcome(
                    steps.get(0),
                    ReplayOutcome.Action.REPLAYED,
                    "verification-requests/1@77",
                    null)));
    JsonNode skipped = line(ReplayLines.json(ReplayOutcome.skipped(steps.get(1))));
    JsonNode failed =
        line(
            ReplayLines.json(
                new ReplayOutcome(steps.get(0), ReplayOutcome.Action.FAILED, null, "timed out")));

    assertThat(replayed.get("action").asString()).isEqualTo("replayed");
    assertThat(replayed.get("landed_at").asString()).isEqualTo("verification-requests/1@77");
    assertThat(replayed.get("target_topic").asString()).isEqualTo("verification-requests");
    assertThat(replayed.get("verification_id").asString()).isEqualTo(v.id().toString());
    assertThat(replayed.get("status").asString()).isEqualTo("RECEIVED");
    assertThat(replayed.get("reason").asString()).isEqualTo("PROVIDER_CONFIG");
    assertThat(replayed.get("key").asString()).isEqualTo("order-42");
    assertThat(skipped.get("action").asString()).isEqualTo("skipped");
    assertThat(skipped.get("detail").asString()).contains("facecheck-original-topic");
    assertThat(failed.get("action").asString()).isEqualTo("failed");
    assertThat(failed.get("detail").asString()).isEqualTo("timed out");
    assertThat(
            ReplayLines.text(
                new ReplayOutcome(
                    steps.get(0),
                    ReplayOutcome.Action.REPLAYED,
                    "verification-requests/1@77",
                    null)))
        .startsWith(
            "replayed      verification-requests-dlt/1@9 -> verification-requests/1@77  key=order-42");
  }
}
