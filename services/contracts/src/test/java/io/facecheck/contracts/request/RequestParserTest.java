package io.facecheck.contracts.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Examples;
import io.facecheck.contracts.request.ParseOutcome.Invalid;
import io.facecheck.contracts.request.ParseOutcome.Unparseable;
import io.facecheck.contracts.request.ParseOutcome.Valid;
import io.facecheck.contracts.schema.FieldError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class RequestParserTest {

  private static final Path UNPARSEABLE =
      Examples.EXAMPLES.resolve("verification-request/unparseable");

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

  static Stream<Arguments> unparseableExamples() {
    JsonNode expectations = Examples.read(UNPARSEABLE.resolve("expectations.json"));
    return expectations.propertyNames().stream()
        .map(name -> Arguments.of(name, expectations.get(name).get("reason").asString()));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("unparseableExamples")
  void deadLettersValuesThatAreNotJsonObjects(String file, String reason) {
    ParseOutcome outcome = parser.parse(Examples.bytes(UNPARSEABLE.resolve(file)));

    assertThat(outcome).isInstanceOf(Unparseable.class);
    assertThat(((Unparseable) outcome).reason()).isEqualTo(DeadLetterReason.valueOf(reason));
  }

  @Test
  void treatsNullAsEmpty() {
    assertThat(parser.parse(null))
        .isEqualTo(new Unparseable(DeadLetterReason.NOT_AN_OBJECT, "empty value"));
  }

  @Test
  void refusesMoreThan64KiBBeforeDecodingAnything() {
    byte[] tooLarge = new byte[RequestParser.MAX_BYTES + 1];
    tooLarge[0] = (byte) 0xFF; // not even UTF-8: size is checked first

    ParseOutcome outcome = parser.parse(tooLarge);

    assertThat(outcome).isInstanceOf(Unparseable.class);
    assertThat(((Unparseable) outcome).reason()).isEqualTo(DeadLetterReason.TOO_LARGE);
  }

  @Test
  void acceptsExactly64KiB() {
    String padded = padTo(DESIGN_EXAMPLE, RequestParser.MAX_BYTES);
    assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(65536);

    assertThat(parser.parse(padded.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Valid.class);
    assertThat(parser.parse((padded + " ").getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            new Unparseable(
                DeadLetterReason.TOO_LARGE, "value is 65537 bytes, the limit is 65536"));
  }

  @Test
  void refusesATruncatedMultiByteCharacterAsNotUtf8() {
    byte[] name = "张".getBytes(StandardCharsets.UTF_8);
    byte[] value = ("{\"a\":\"" + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[value.length + 2];
    System.arraycopy(value, 0, broken, 0, 6);
    System.arraycopy(name, 0, broken, 6, 2); // two of three bytes
    System.arraycopy(value, 6, broken, 8, value.length - 6);

    assertThat(((Unparseable) parser.parse(broken)).reason()).isEqualTo(DeadLetterReason.NOT_UTF8);
  }

  @Test
  void invalidJsonDetailNeverQuotesTheValue() {
    byte[] value = "{\"cert_no\": 11010519491231002X}".getBytes(StandardCharsets.UTF_8);

    Unparseable outcome = (Unparseable) parser.parse(value);

    assertThat(outcome.reason()).isEqualTo(DeadLetterReason.INVALID_JSON);
    assertThat(outcome.detail()).startsWith("invalid JSON at line 1").doesNotContain("1101");
  }

  @Test
  void parsesTheDesignExampleWithItsValues() {
    Valid valid = (Valid) parser.parse(utf8(DESIGN_EXAMPLE));

    VerificationRequest request = valid.request();
    assertThat(request.requestId()).isEqualTo("order-42-kyc");
    assertThat(request.clientId()).isEqualTo("loan-service");
    assertThat(request.bizCode()).isEqualTo(BizCode.FACE);
    assertThat(request.identity().certType()).isEqualTo(CertType.IDENTITY_CARD);
    assertThat(request.identity().certName()).isEqualTo("张三");
    assertThat(request.identity().certNo()).isEqualTo("11010519491231002X");
    assertThat(request.ttlSeconds()).isEqualTo(900);
    assertThat(request.metadata()).containsExactly(java.util.Map.entry("order", "42"));
    assertThat(valid.canonicalHash()).matches("[0-9a-f]{64}");
  }

  @Test
  void appliesDefaultsForOmittedOptionalFields() {
    Valid valid =
        (Valid) parser.parse(utf8(without(DESIGN_EXAMPLE, "ttl_seconds", "metadata", "app")));

    assertThat(valid.request().ttlSeconds()).isEqualTo(900);
    assertThat(valid.request().metadata()).isEmpty();
    assertThat(valid.request().app()).isEqualTo("default");
  }

  @Test
  void reportsEveryBrokenRuleWithWellFormedIds() {
    String broken =
        DESIGN_EXAMPLE
            .replace("11010519491231002X", "110105194912310021")
            .replace("900", "5")
            .replace("https://loan.example", "http://loan.example");

    Invalid invalid = (Invalid) parser.parse(utf8(broken));

    assertThat(invalid.clientIdOrNull()).isEqualTo("loan-service");
    assertThat(invalid.requestIdOrNull()).isEqualTo("order-42-kyc");
    assertThat(invalid.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/identity/cert_no", "resident_id_check_digit"),
            org.assertj.core.groups.Tuple.tuple("/ttl_seconds", "minimum"),
            org.assertj.core.groups.Tuple.tuple("/return_url", "pattern"));
  }

  @Test
  void giveNoIdsThatAreThemselvesMalformed() {
    String broken =
        DESIGN_EXAMPLE.replace("loan-service", "Loan Service").replace("order-42-kyc", "a b");

    Invalid invalid = (Invalid) parser.parse(utf8(broken));

    assertThat(invalid.clientIdOrNull()).isNull();
    assertThat(invalid.requestIdOrNull()).isNull();
  }

  @Test
  void doesNotCheckTheDigitOfDocumentsThatHaveNone() {
    String permit =
        DESIGN_EXAMPLE
            .replace("IDENTITY_CARD", "HOME_VISIT_PERMIT_TAIWAN")
            .replace("11010519491231002X", "12345678");
    assertThat(parser.parse(utf8(permit))).isInstanceOf(Valid.class);
  }

  @Test
  void checksTheDigitOfResidencePermits() {
    String permit =
        DESIGN_EXAMPLE
            .replace("IDENTITY_CARD", "RESIDENCE_PERMIT_TAIWAN")
            .replace("11010519491231002X", "830000198506123211");
    Invalid invalid = (Invalid) parser.parse(utf8(permit));
    assertThat(invalid.errors())
        .extracting(FieldError::code)
        .containsExactly("resident_id_check_digit");
  }

  @Test
  void validOutcomeDoesNotPrintPersonalData() {
    String printed = parser.parse(utf8(DESIGN_EXAMPLE)).toString();
    assertThat(printed)
        .doesNotContain("张三")
        .doesNotContain("11010519491231002X")
        .contains("1101**********002X");
  }

  @Test
  void oneParserServesManyThreads() throws Exception {
    List<byte[]> values = new ArrayList<>();
    List<ParseOutcome> expected = new ArrayList<>();
    for (Path file :
        Examples.valid(io.facecheck.contracts.schema.PayloadSchema.VERIFICATION_REQUEST)) {
      values.add(Examples.bytes(file));
    }
    for (Path file :
        Examples.invalid(io.facecheck.contracts.schema.PayloadSchema.VERIFICATION_REQUEST)) {
      values.add(Examples.bytes(file));
    }
    for (byte[] value : values) {
      expected.add(parser.parse(value));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<ParseOutcome>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<ParseOutcome> outcomes = new ArrayList<>();
                  for (int round = 0; round < 20; round++) {
                    outcomes.clear();
                    for (byte[] value : values) {
                      outcomes.add(parser.parse(value));
                    }
                  }
                  return outcomes;
                }));
      }
      for (Future<List<ParseOutcome>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String without(String json, String... fields) {
    JsonNode node = io.facecheck.contracts.schema.PayloadJson.mapper().readTree(json);
    ((tools.jackson.databind.node.ObjectNode) node).remove(List.of(fields));
    return node.toString();
  }

  private static String padTo(String json, int bytes) {
    int current = json.getBytes(StandardCharsets.UTF_8).length;
    return json + " ".repeat(bytes - current);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
