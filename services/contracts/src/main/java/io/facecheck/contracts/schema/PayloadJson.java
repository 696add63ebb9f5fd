package io.facecheck.contracts.schema;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jackson 3 mappers for payloads. The records carry their own snake_case naming, so any Jackson
 * 3 mapper reads and writes them; these add the strictness the contract needs.
 */
public final class PayloadJson {

  // Duplicate keys are refused: two parsers could otherwise disagree about which cert_no counts.
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final JsonMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private PayloadJson() {}

  /** Reads and writes payloads; refuses duplicate keys and trailing content. Thread-safe. */
  public static JsonMapper mapper() {
    return STRICT;
  }

  /** Writes with properties and map entries sorted, so equal payloads give equal bytes. */
  public static JsonMapper canonicalMapper() {
    return CANONICAL;
  }
}
