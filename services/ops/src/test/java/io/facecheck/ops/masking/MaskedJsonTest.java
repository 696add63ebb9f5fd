package io.facecheck.ops.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MaskedJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String NAME = "张三丰";
  private static final String NUMBER = "11010519491231002X";

  private static String masked(String json) {
    JsonNode tree = JSON.readTree(json);
    return MaskedJson.mask(tree, MaskedJson.identityIn(tree)).toString();
  }

  @Test
  void masksTheIdentityOfARequestAndKeepsItsSafeFields() {
    String out =
        masked(
            """
            {"schema_version":1,"request_id":"order-42","client_id":"loan-service",
             "biz_code":"FACE","identity":{"cert_type":"IDENTITY_CARD","cert_name":"%s",
             "cert_no":"%s"},"return_url":"https://loan.example/done"}
            """
                .formatted(NAME, NUMBER));

    assertThat(out)
        .doesNotContain(NAME)
        .doesNotContain(NUMBER)
        .contains("\"cert_name\":\"张**\"")
        .contains("\"cert_no\":\"1101**********002X\"")
        .contains("\"cert_type\":\"IDENTITY_CARD\"")
        .contains("\"request_id\":\"order-42\"")
        .contains("\"client_id\":\"loan-service\"");
  }

  @Test
  void scrubsTheKnownIdentityWhereverElseItAppears() {
    String out =
        masked(
            """
            {"identity":{"cert_name":"%s","cert_no":"%s"},
             "metadata":{"holder":"%s 先生","%s":"x","note":"id %s"}}
            """
                .formatted(NAME, NUMBER, NAME, NAME, NUMBER.toLowerCase()));

    assertThat(out)
        .doesNotContain(NAME)
        .doesNotContain(NUMBER)
        .doesNotContain(NUMBER.toLowerCase());
    assertThat(out).contains("张** 先生").contains("\"张**\":\"x\"");
  }

  @Test
  void masksAnythingShapedLikeAnIdNumberEvenWithoutAnIdentity() {
    String out = masked("{\"order\":\"110105194912310020\",\"n\":110105194912310020}");

    assertThat(out).doesNotContain("110105194912310020").contains("1101**********0020");
  }

  @Test
  void treatsEverythingUnderAnIdentityAsPartOfIt() {
    assertThat(masked("{\"identity\":{\"cert_type\":\"X\",\"name\":\"李四\",\"cert_no\":12}}"))
        .isEqualTo("{\"identity\":{\"cert_type\":\"X\",\"name\":\"**\",\"cert_no\":\"**\"}}");
    assertThat(masked("{\"identity\":\"李四 " + NUMBER + "\"}")).doesNotContain("李四");
  }

  @Test
  void findsCertFieldsOutsideTheIdentityToo() {
    String out =
        masked("{\"cert_name\":\"王五\",\"remark\":\"王五\",\"list\":[{\"cert_no\":\"123\"}]}");

    assertThat(out).doesNotContain("王五").contains("\"remark\":\"王*\"").contains("\"***\"");
  }

  @Test
  void masksANameToItsFirstCharacterAndAStarPerOtherCharacter() {
    assertThat(MaskedName.of("张三丰")).isEqualTo("张**");
    assertThat(MaskedName.of("𠀋三")).isEqualTo("𠀋*"); // a character beyond the BMP is one
    assertThat(MaskedName.of("A")).isEqualTo("*");
    assertThat(MaskedName.of("")).isEmpty();
    assertThat(MaskedName.of(null)).isNull();
  }
}
