package io.facecheck.ops.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordValueTest {

  @Test
  void readsSafeFieldsOfARequestAndMasksItsIdentity() {
    RecordValue value = RecordValue.of(Records.request("order-42").getBytes(UTF_8));

    assertThat(value.kind()).isEqualTo(RecordValue.Kind.JSON_OBJECT);
    assertThat(value.field("client_id")).isEqualTo("loan-service");
    assertThat(value.field("request_id")).isEqualTo("order-42");
    assertThat(value.field("biz_code")).isEqualTo("FACE");
    assertThat(value.field("identity")).isNull();
    assertThat(value.masked())
        .doesNotContain(Records.NAME)
        .doesNotContain(Records.NUMBER)
        .contains("1101**********002X");
  }

  @Test
  void showsOnlyTheSizeAndKindOfBytesThatAreNotAJsonObject() {
    String broken = "{\"identity\":{\"cert_name\":\"" + Records.NAME + "\",";

    RecordValue invalid = RecordValue.of(broken.getBytes(UTF_8));
    assertThat(invalid.kind()).isEqualTo(RecordValue.Kind.INVALID_JSON);
    assertThat(invalid.masked()).doesNotContain(Records.NAME).contains("not JSON");

    assertThat(RecordValue.of(new byte[] {(byte) 0xC3, 0x28}).kind())
        .isEqualTo(RecordValue.Kind.NOT_UTF8);
    assertThat(RecordValue.of(("[\"" + Records.NAME + "\"]").getBytes(UTF_8)).kind())
        .isEqualTo(RecordValue.Kind.NOT_AN_OBJECT);
    assertThat(RecordValue.of(("[\"" + Records.NAME + "\"]").getBytes(UTF_8)).masked())
        .doesNotContain(Records.NAME);
    assertThat(RecordValue.of(new byte[0]).kind()).isEqualTo(RecordValue.Kind.EMPTY);
    assertThat(RecordValue.of(null).masked()).contains("0 bytes");
  }

  @Test
  void scrubsSafeFieldsThatCarryAnIdNumber() {
    RecordValue value =
        RecordValue.of(
            ("{\"client_id\":\"c\",\"request_id\":\"" + Records.NUMBER + "\"}").getBytes(UTF_8));

    assertThat(value.field("request_id")).isEqualTo("1101**********002X");
    assertThat(value.rawField("request_id")).isEqualTo(Records.NUMBER); // for the lookup only
  }
}
