package io.facecheck.ops.deadletter;

import io.facecheck.ops.masking.KnownIdentity;
import io.facecheck.ops.masking.MaskedJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dead letter's value, parsed once: a JSON object whose safe fields can be read and whose masked
 * rendering can be shown, or bytes that are not one, of which only the size and the kind are ever
 * shown (their text may hold a cert_name nothing could recognise).
 */
public final class RecordValue {

  /** What the bytes are. */
  public enum Kind {
    JSON_OBJECT,
    EMPTY,
    NOT_UTF8,
    INVALID_JSON,
    NOT_AN_OBJECT
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_SHOWN = 8 * 1024;

  private final Kind kind;
  private final int size;
  private final JsonNode json;
  private final KnownIdentity identity;

  private RecordValue(Kind kind, int size, JsonNode json, KnownIdentity identity) {
    this.kind = kind;
    this.size = size;
    this.json = json;
    this.identity = identity;
  }

  public static RecordValue of(byte[] value) {
    if (value == null || value.length == 0) {
      return new RecordValue(Kind.EMPTY, 0, null, KnownIdentity.NONE);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      return new RecordValue(Kind.NOT_UTF8, value.length, null, KnownIdentity.NONE);
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JacksonException e) {
      return new RecordValue(Kind.INVALID_JSON, value.length, null, KnownIdentity.NONE);
    }
    if (tree == null || !tree.isObject()) {
      return new RecordValue(Kind.NOT_AN_OBJECT, value.length, null, KnownIdentity.NONE);
    }
    return new RecordValue(Kind.JSON_OBJECT, value.length, tree, MaskedJson.identityIn(tree));
  }

  public Kind kind() {
    return kind;
  }

  /** The cert_names and cert_nos the value carries, to scrub from everything shown beside it. */
  public KnownIdentity identity() {
    return identity;
  }

  /** A top-level string field, scrubbed; null when absent, not a string, or not an object. */
  public String field(String name) {
    if (json == null) {
      return null;
    }
    JsonNode node = json.get(name);
    return node != null && node.isString() ? identity.scrub(node.stringValue()) : null;
  }

  /** The field as it is, for looking the verification up; never to be shown. */
  String rawField(String name) {
    JsonNode node = json == null ? null : json.get(name);
    return node != null && node.isString() ? node.stringValue() : null;
  }

  /** The value for {@code dlt show}: masked JSON, or a description of bytes that are not JSON. */
  public String masked() {
    if (json == null) {
      return "(" + size + " bytes, " + describe() + ": not shown, it may hold PII)";
    }
    String rendered = MaskedJson.mask(json, identity).toString();
    return rendered.length() > MAX_SHOWN
        ? rendered.substring(0, MAX_SHOWN) + "… (" + size + " bytes in all)"
        : rendered;
  }

  /** The masked JSON tree for {@code --json}; null when the value is not a JSON object. */
  public JsonNode maskedTree() {
    return json == null ? null : MaskedJson.mask(json, identity);
  }

  public int size() {
    return size;
  }

  private String describe() {
    return switch (kind) {
      case EMPTY -> "empty";
      case NOT_UTF8 -> "not UTF-8";
      case INVALID_JSON -> "not JSON";
      case NOT_AN_OBJECT -> "JSON but not an object";
      case JSON_OBJECT -> "a JSON object";
    };
  }
}
