package io.facecheck.reconciler.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.callback.VerificationCallback;
import io.facecheck.contracts.query.VerificationQueryResult;
import io.facecheck.contracts.schema.FieldError;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.contracts.schema.PayloadSchema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads one payload of an internal topic strictly: UTF-8, a JSON object, the schema_version this
 * reconciler knows (never read as v1 otherwise), valid against its JSON Schema. Anything else is an
 * {@link UnreadableRecordException} with the dead-letter reason to file it under.
 */
public final class PayloadReader<T> {

  /** As verification-requests: no internal payload comes anywhere near it. */
  static final int MAX_BYTES = 64 * 1024;

  private final Class<T> type;
  private final PayloadSchema schema;
  private final int schemaVersion;

  private PayloadReader(Class<T> type, PayloadSchema schema, int schemaVersion) {
    this.type = type;
    this.schema = schema;
    this.schemaVersion = schemaVersion;
  }

  public static PayloadReader<VerificationCallback> callbacks() {
    return new PayloadReader<>(
        VerificationCallback.class,
        PayloadSchema.VERIFICATION_CALLBACK,
        VerificationCallback.SCHEMA_VERSION);
  }

  public static PayloadReader<VerificationQueryResult> queryResults() {
    return new PayloadReader<>(
        VerificationQueryResult.class,
        PayloadSchema.VERIFICATION_QUERY_RESULT,
        VerificationQueryResult.SCHEMA_VERSION);
  }

  /**
   * @throws UnreadableRecordException when the value is not a v1 payload of this type
   */
  public T read(byte[] value) {
    if (value == null || value.length == 0) {
      throw unreadable(DeadLetterReason.NOT_AN_OBJECT, "empty value");
    }
    if (value.length > MAX_BYTES) {
      throw unreadable(
          DeadLetterReason.TOO_LARGE, value.length + " bytes, at most " + MAX_BYTES + " read");
    }
    JsonNode tree = parse(utf8(value));
    if (tree == null || !tree.isObject()) {
      throw unreadable(DeadLetterReason.NOT_AN_OBJECT, "the value is JSON but not an object");
    }
    checkVersion(tree.get("schema_version"));
    List<FieldError> errors = schema.validate(tree);
    if (!errors.isEmpty()) {
      throw unreadable(DeadLetterReason.INVALID_JSON, describe(errors.get(0)));
    }
    try {
      return PayloadJson.mapper().treeToValue(tree, type);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw unreadable(DeadLetterReason.INVALID_JSON, e.getClass().getSimpleName());
    }
  }

  private void checkVersion(JsonNode version) {
    if (version == null || !version.isIntegralNumber()) {
      throw unreadable(DeadLetterReason.INVALID_JSON, "/schema_version: missing or not an integer");
    }
    if (!version.canConvertToInt() || version.intValue() != schemaVersion) {
      throw unreadable(
          DeadLetterReason.UNKNOWN_SCHEMA_VERSION,
          "schema_version " + version.asString() + ", this reconciler reads " + schemaVersion);
    }
  }

  private static String utf8(byte[] value) {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw unreadable(DeadLetterReason.NOT_UTF8, "the value is not valid UTF-8");
    }
  }

  private static JsonNode parse(String text) {
    try {
      return PayloadJson.mapper().readTree(text);
    } catch (JacksonException e) {
      // the parser's message may quote the value: its type is enough
      throw unreadable(DeadLetterReason.INVALID_JSON, "not JSON: " + e.getClass().getSimpleName());
    }
  }

  private String describe(FieldError error) {
    return "not a " + type.getSimpleName() + ": " + error;
  }

  private static UnreadableRecordException unreadable(DeadLetterReason reason, String message) {
    return new UnreadableRecordException(reason, message);
  }
}
