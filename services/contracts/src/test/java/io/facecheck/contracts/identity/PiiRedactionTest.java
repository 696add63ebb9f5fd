package io.facecheck.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiRedactionTest {

  private static final String NAME = "张三";
  private static final String CERT_NO = "11010519491231002X";

  @Test
  void redactsNameAndNumberInQuotedBizContent() {
    String message =
        "sign error, content: biz_content={\"biz_code\":\"FACE\",\"identity_param\":{\"cert_name\":\""
            + NAME
            + "\",\"cert_no\":\""
            + CERT_NO
            + "\"}}&charset=UTF-8";

    String redacted = PiiRedaction.redact(message);

    assertThat(redacted).doesNotContain(NAME).doesNotContain(CERT_NO);
    assertThat(redacted).contains("\"cert_name\":\"***\"").contains("\"biz_code\":\"FACE\"");
  }

  @Test
  void redactsEscapedJsonAndFormStyleText() {
    String escaped = "{\\\"cert_name\\\":\\\"" + NAME + "\\\",\\\"x\\\":1}";
    String form = "cert_name=" + NAME + "&cert_no=" + CERT_NO;

    assertThat(PiiRedaction.redact(escaped)).doesNotContain(NAME);
    assertThat(PiiRedaction.redact(form)).doesNotContain(NAME).doesNotContain(CERT_NO);
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(PiiRedaction.redact("Read timed out")).isEqualTo("Read timed out");
    assertThat(PiiRedaction.redact(null)).isNull();
  }
}
