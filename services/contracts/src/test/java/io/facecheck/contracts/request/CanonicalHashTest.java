package io.facecheck.contracts.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.ParseOutcome.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The idempotency hash: equal for equal requests however spelled, different for any change. */
class CanonicalHashTest {

  private static final String DESIGN_EXAMPLE =
      """
      {"schema_version": 1, "request_id": "order-42-kyc", "client_id": "loan-service",
       "biz_code": "FACE",
       "identity": {"cert_type": "IDENTITY_CARD", "cert_name": "张三", "cert_no": "11010519491231002X"},
       "return_url": "https://loan.example/kyc/done", "ttl_seconds": 900,
       "metadata": {"order": "42"}, "app": "default"}
      """;

  private final RequestParser parser =
      new RequestParser(
          "facecheck-test-request-hash-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Test
  void sameRequestInAnotherKeyOrderOrWithDefaultsSpelledOutHashesEqual() {
    String reordered =
        """
        {"app": "default", "metadata": {"order": "42"}, "ttl_seconds": 900,
         "return_url": "https://loan.example/kyc/done",
         "identity": {"cert_no": "11010519491231002x", "cert_name": "张三"},
         "biz_code": "FACE", "client_id": "loan-service", "request_id": "order-42-kyc",
         "schema_version": 1}
        """;
    String defaultsOmitted = without(DESIGN_EXAMPLE, "ttl_seconds", "app");

    String hash = hashOf(DESIGN_EXAMPLE);

    assertThat(hashOf(reordered)).isEqualTo(hash);
    assertThat(hashOf(defaultsOmitted)).isEqualTo(hash);
  }

  @Test
  void metadataOrderDoesNotChangeTheHash() {
    String ab = DESIGN_EXAMPLE.replace("{\"order\": \"42\"}", "{\"a\": \"1\", \"b\": \"2\"}");
    String ba = DESIGN_EXAMPLE.replace("{\"order\": \"42\"}", "{\"b\": \"2\", \"a\": \"1\"}");
    assertThat(hashOf(ab)).isEqualTo(hashOf(ba));
  }

  @Test
  void anyChangedFieldChangesTheHash() {
    String hash = hashOf(DESIGN_EXAMPLE);
    List<String> changed =
        List.of(
            DESIGN_EXAMPLE.replace("张三", "李四"),
            DESIGN_EXAMPLE.replace("11010519491231002X", "440304199003074510"),
            DESIGN_EXAMPLE.replace("\"FACE\"", "\"SMART_FACE\""),
            DESIGN_EXAMPLE.replace("kyc/done", "kyc/done2"),
            DESIGN_EXAMPLE.replace("900", "901"),
            DESIGN_EXAMPLE.replace("\"42\"", "\"43\""),
            DESIGN_EXAMPLE.replace("\"default\"", "\"other\""),
            DESIGN_EXAMPLE.replace("order-42-kyc", "order-43-kyc"));
    for (String other : changed) {
      assertThat(hashOf(other)).as(other).isNotEqualTo(hash);
    }
  }

  @Test
  void keyedHashDiffersFromPlainAndBetweenKeys() {
    byte[] value = utf8(DESIGN_EXAMPLE);
    String plain = ((Valid) parser.parse(value)).canonicalHash();
    String keyA = ((Valid) new RequestParser(new byte[32]).parse(value)).canonicalHash();
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    String keyB = ((Valid) new RequestParser(otherKey).parse(value)).canonicalHash();

    assertThat(keyA).matches("[0-9a-f]{64}").isNotEqualTo(plain).isNotEqualTo(keyB);
    assertThat(((Valid) new RequestParser(new byte[32]).parse(value)).canonicalHash())
        .isEqualTo(keyA);
  }

  private String hashOf(String json) {
    ParseOutcome outcome = parser.parse(utf8(json));
    assertThat(outcome).as(json).isInstanceOf(Valid.class);
    return ((Valid) outcome).canonicalHash();
  }

  private static String without(String json, String... fields) {
    JsonNode node = io.facecheck.contracts.schema.PayloadJson.mapper().readTree(json);
    ((tools.jackson.databind.node.ObjectNode) node).remove(List.of(fields));
    return node.toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
