package io.facecheck.statemachine.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Converts the jsonb columns (metadata, details, payload) to and from JSON text. */
final class JsonColumns {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP =
      new TypeReference<>() {};

  private JsonColumns() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static Map<String, String> readStringMap(String json) {
    return json == null ? Map.of() : MAPPER.readValue(json, STRING_MAP);
  }
}
