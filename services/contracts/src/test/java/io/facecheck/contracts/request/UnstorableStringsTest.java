package io.facecheck.contracts.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.request.ParseOutcome.Invalid;
import io.facecheck.contracts.schema.FieldError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnstorableStringsTest {

  private static final String TEMPLATE =
      """
      {"schema_version": 1, "request_id": "order-42-kyc", "client_id": "loan-service",
       "biz_code": "FACE",
       "identity": {"cert_name": "%s", "cert_no": "11010519491231002X"},
       "return_url": "https://loan.example/kyc/done",
       "metadata": {"order": "%s", "%s": "x"}}
      """;

  private final RequestParser parser =
      new RequestParser("facecheck-test-request-hash-key".getBytes(StandardCharsets.UTF_8));

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NUL in a metadata value    | 张三         | a\\u0000b | k  | /metadata/order",
        "lone high surrogate value  | 张三         | a\\ud800  | k  | /metadata/order",
        "lone low surrogate value   | 张三         | \\udc00   | k  | /metadata/order",
        "NUL in a metadata key      | 张三         | 42        | k\\u0000 | /metadata",
        "NUL in cert_name           | 张\\u0000三  | 42        | k  | /identity/cert_name",
      })
  void refusesStringsPostgresCannotHoldNamingTheField(
      String what, String certName, String order, String key, String field) {
    byte[] value = TEMPLATE.formatted(certName, order, key).getBytes(StandardCharsets.UTF_8);

    ParseOutcome outcome = parser.parse(value);

    assertThat(outcome).as(what).isInstanceOf(Invalid.class);
    Invalid invalid = (Invalid) outcome;
    assertThat(invalid.clientIdOrNull()).isEqualTo("loan-service");
    assertThat(invalid.errors())
        .filteredOn(e -> e.code().equals(UnstorableStrings.CODE))
        .extracting(FieldError::field)
        .containsExactly(field);
    // the error names the field but never carries the unstorable text itself
    assertThat(invalid.errors().toString()).doesNotContain("\u0000");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a pair of surrogates (emoji) | 😀",
        "plain CJK                    | 张三",
      })
  void acceptsWellFormedUnicode(String what, String order) {
    byte[] value = TEMPLATE.formatted("张三", order, "k").getBytes(StandardCharsets.UTF_8);

    assertThat(parser.parse(value)).as(what).isInstanceOf(ParseOutcome.Valid.class);
  }
}
