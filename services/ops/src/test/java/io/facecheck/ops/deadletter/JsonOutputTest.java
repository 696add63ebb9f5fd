package io.facecheck.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.render.JsonLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code dlt show --json}: one object, every header, the value as masked JSON, no identity. */
class JsonOutputTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode line(Map<String, ?> fields) {
    StringWriter text = new StringWriter();
    JsonLines.write(new PrintWriter(text, true), fields);
    assertThat(text.toString().lines()).hasSize(1);
    return JSON.readTree(text.toString());
  }

  @Test
  void showIsOneObjectWithHeadersAndTheMaskedValue() {
    DeadLetterRecord record =
        Records.deadLetter(
            7, "order-42", Records.request("order-42"), "PROVIDER_CONFIG", "verification-requests");

    JsonNode shown =
        line(
            DeadLetterDetails.json(
                record,
                RecordValue.of(record.value()),
                Optional.of(RecordVerifications.deadLettered())));

    assertThat(shown.get("dlt_topic").asString()).isEqualTo("verification-requests-dlt");
    assertThat(shown.get("dlt_partition").asInt()).isEqualTo(2);
    assertThat(shown.get("dlt_offset").asLong()).isEqualTo(7);
    assertThat(shown.get("key").asString()).isEqualTo("order-42");
    assertThat(shown.get("verification").get("status").asString()).isEqualTo("DEAD_LETTERED");
    assertThat(shown.get("headers").size()).isEqualTo(record.headers().size());
    assertThat(shown.get("headers").get(1).get("name").asString()).isEqualTo("facecheck-reason");
    assertThat(shown.get("value_kind").asString()).isEqualTo("JSON_OBJECT");
    JsonNode identity = shown.get("value_masked").get("identity");
    assertThat(identity.get("cert_name").asString()).isEqualTo("张**");
    assertThat(identity.get("cert_no").asString()).isEqualTo("1101**********002X");
    assertThat(shown.toString()).doesNotContain(Records.NAME).doesNotContain(Records.NUMBER);
  }

  @Test
  void aValueThatIsNotJsonIsOnlyItsKindAndSize() {
    DeadLetterRecord record =
        Records.deadLetter(
            8, "k", "not json " + Records.NAME, "INVALID_JSON", "verification-requests");

    JsonNode shown =
        line(DeadLetterDetails.json(record, RecordValue.of(record.value()), Optional.empty()));

    assertThat(shown.get("value_kind").asString()).isEqualTo("INVALID_JSON");
    assertThat(shown.get("value_size").asInt()).isEqualTo(record.value().length);
    assertThat(shown.get("value_masked").isNull()).isTrue();
    assertThat(shown.get("verification").isNull()).isTrue();
    assertThat(shown.toString()).doesNotContain("not json");
  }
}
