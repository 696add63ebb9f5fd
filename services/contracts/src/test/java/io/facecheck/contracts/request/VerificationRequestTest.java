package io.facecheck.contracts.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.schema.PayloadJson;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerificationRequestTest {

  private static final VerificationRequest.Identity IDENTITY =
      new VerificationRequest.Identity(null, "张三", "11010519491231002x");

  @Test
  void identityDefaultsToAResidentIdCardWithUppercaseX() {
    assertThat(IDENTITY.certType()).isEqualTo(CertType.IDENTITY_CARD);
    assertThat(IDENTITY.certNo()).isEqualTo("11010519491231002X");
  }

  @Test
  void leavesOtherDocumentNumbersAsGiven() {
    var permit =
        new VerificationRequest.Identity(CertType.HOME_VISIT_PERMIT_HK_MC, "陳", "h1234567x");
    assertThat(permit.certNo()).isEqualTo("h1234567x");
  }

  @Test
  void toStringMasksPersonalData() {
    VerificationRequest request = request(Map.of("order", "42"));

    assertThat(request.toString())
        .doesNotContain("张三")
        .doesNotContain("11010519491231002X")
        .contains("1101**********002X")
        .contains("order-42-kyc");
    assertThat(IDENTITY.toString()).doesNotContain("张三").doesNotContain("19491231");
  }

  @Test
  void metadataCannotBeChangedBehindItsBack() {
    Map<String, String> metadata = new HashMap<>(Map.of("order", "42"));
    VerificationRequest request = request(metadata);
    metadata.put("order", "43");

    assertThat(request.metadata()).containsEntry("order", "42");
  }

  @Test
  void writesSnakeCaseJsonWithDefaults() {
    var json = PayloadJson.mapper().valueToTree(request(null));

    assertThat(json.get("request_id").asString()).isEqualTo("order-42-kyc");
    assertThat(json.at("/identity/cert_type").asString()).isEqualTo("IDENTITY_CARD");
    assertThat(json.get("metadata").isObject()).isTrue();
    assertThat(json.get("app").asString()).isEqualTo("default");
  }

  private static VerificationRequest request(Map<String, String> metadata) {
    return new VerificationRequest(
        1,
        "order-42-kyc",
        "loan-service",
        BizCode.FACE,
        IDENTITY,
        "https://loan.example",
        900,
        metadata,
        null);
  }
}
