package io.facecheck.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.contracts.Examples;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.VerificationQuery;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.request.VerificationRequest;
import io.facecheck.contracts.result.VerificationResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each valid example → record → JSON equals the example (with the request's defaults filled). */
class RoundTripTest {

  static Stream<Arguments> validExamples() {
    return Stream.of(PayloadSchema.values())
        .flatMap(p -> Examples.valid(p).stream().map(f -> Arguments.of(p, f.getFileName(), f)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("validExamples")
  void recordWritesBackTheExample(PayloadSchema payload, Path name, Path file) {
    JsonNode example = Examples.read(file);

    Object record = PayloadJson.mapper().treeToValue(example, recordType(payload));
    JsonNode written = PayloadJson.mapper().valueToTree(record);

    assertThat(written).isEqualTo(expected(payload, example));
    assertThat(payload.rawErrors(written)).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("validExamples")
  void anyJacksonMapperReadsTheRecordsTheSameWay(PayloadSchema payload, Path name, Path file) {
    // other services use Boot's mapper, not ours: the records' own annotations must suffice
    var plain = tools.jackson.databind.json.JsonMapper.builder().build();
    JsonNode example = Examples.read(file);
    Object ours = PayloadJson.mapper().treeToValue(example, recordType(payload));
    Object theirs = plain.treeToValue(example, recordType(payload));
    assertThat(theirs).isEqualTo(ours);
  }

  private static Class<?> recordType(PayloadSchema payload) {
    return switch (payload) {
      case VERIFICATION_REQUEST -> VerificationRequest.class;
      case VERIFICATION_RESULT -> VerificationResult.class;
      case VERIFICATION_CALLBACK -> VerificationCallback.class;
      case VERIFICATION_QUERY -> VerificationQuery.class;
      case VERIFICATION_QUERY_RESULT -> VerificationQueryResult.class;
    };
  }

  private static JsonNode expected(PayloadSchema payload, JsonNode example) {
    if (payload != PayloadSchema.VERIFICATION_REQUEST) {
      return example;
    }
    ObjectNode request = (ObjectNode) example.deepCopy();
    ObjectNode identity = (ObjectNode) request.get("identity");
    if (!identity.has("cert_type")) {
      identity.put("cert_type", "IDENTITY_CARD");
    }
    if (identity.get("cert_no").asString().length() == 18) {
      identity.put("cert_no", identity.get("cert_no").asString().toUpperCase(Locale.ROOT));
    }
    if (!request.has("ttl_seconds")) {
      request.put("ttl_seconds", 900);
    }
    if (!request.has("metadata")) {
      request.putObject("metadata");
    }
    if (!request.has("app")) {
      request.put("app", "default");
    }
    return request;
  }
}
