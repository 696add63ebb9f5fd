package io.facecheck.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Examples;
import io.facecheck.contracts.request.ParseOutcome;
import io.facecheck.contracts.request.RequestParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every example of schemas/examples against the real validator, for the stated reason. */
class ExamplesValidationTest {

  private static final RequestParser PARSER =
      new RequestParser(
          "facecheck-test-request-hash-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  static Stream<Arguments> validExamples() {
    return Stream.of(PayloadSchema.values())
        .flatMap(p -> Examples.valid(p).stream().map(f -> Arguments.of(p, f.getFileName(), f)));
  }

  static Stream<Arguments> invalidExamples() {
    return Stream.of(PayloadSchema.values())
        .flatMap(p -> Examples.invalid(p).stream().map(f -> Arguments.of(p, f.getFileName(), f)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("validExamples")
  void validExamplePasses(PayloadSchema payload, Path name, Path file) {
    assertThat(payload.rawErrors(Examples.read(file))).isEmpty();
    if (payload == PayloadSchema.VERIFICATION_REQUEST) {
      assertThat(PARSER.parse(Examples.bytes(file))).isInstanceOf(ParseOutcome.Valid.class);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidExamples")
  void invalidExampleFailsForItsStatedRuleOnly(PayloadSchema payload, Path name, Path file) {
    JsonNode expected = Examples.expectations(payload).get(name.toString());
    assertThat(expected).as("expectation for " + name).isNotNull();
    String field = expected.get("field").asString();
    String code = expected.get("code").asString();

    List<FieldError> errors = errorsOf(payload, file);

    assertThat(errors).extracting(FieldError::field, FieldError::code).contains(tuple(field, code));
    assertThat(errors).extracting(FieldError::field).containsOnly(field);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidExamples")
  void schemaRuleIsReportedByTheValidatorItself(PayloadSchema payload, Path name, Path file) {
    JsonNode expected = Examples.expectations(payload).get(name.toString());
    String code = expected.get("code").asString();
    String field = expected.get("field").asString();
    var raw = payload.rawErrors(Examples.read(file));
    if (code.startsWith("resident_id_")) {
      // JSON Schema cannot express GB 11643: the schema accepts it, only the parser refuses it
      assertThat(raw).isEmpty();
    } else {
      assertThat(raw)
          .anySatisfy(
              e -> {
                assertThat(e.getKeyword()).isEqualTo(code);
                String location = e.getInstanceLocation().toString();
                String property = e.getProperty();
                assertThat(field).isIn(location, location + "/" + property);
              });
    }
  }

  @ParameterizedTest
  @EnumSource(PayloadSchema.class)
  void everyPayloadHasSeveralValidAndInvalidExamples(PayloadSchema payload) {
    assertThat(Examples.valid(payload)).hasSizeGreaterThanOrEqualTo(2);
    assertThat(Examples.invalid(payload)).hasSizeGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest
  @EnumSource(PayloadSchema.class)
  void expectationsNameExactlyTheInvalidExamples(PayloadSchema payload) {
    Set<String> files =
        Examples.invalid(payload).stream()
            .map(f -> f.getFileName().toString())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(Examples.expectations(payload).propertyNames());
    assertThat(expected).isEqualTo(files);
  }

  @Test
  void errorMessagesNeverRepeatPersonalData() {
    for (Path file : Examples.invalid(PayloadSchema.VERIFICATION_REQUEST)) {
      JsonNode identity = Examples.read(file).path("identity");
      List<String> secrets = new ArrayList<>();
      for (String name : List.of("cert_no", "cert_name")) {
        if (identity.path(name).isString() && !identity.path(name).asString().isEmpty()) {
          secrets.add(identity.path(name).asString());
        }
      }
      for (FieldError error : errorsOf(PayloadSchema.VERIFICATION_REQUEST, file)) {
        for (String secret : secrets) {
          assertThat(error.toString()).as(file.toString()).doesNotContain(secret);
        }
      }
    }
  }

  private static List<FieldError> errorsOf(PayloadSchema payload, Path file) {
    if (payload == PayloadSchema.VERIFICATION_REQUEST) {
      ParseOutcome outcome = PARSER.parse(Examples.bytes(file));
      assertThat(outcome).isInstanceOf(ParseOutcome.Invalid.class);
      return ((ParseOutcome.Invalid) outcome).errors();
    }
    return payload.validate(Examples.read(file));
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
