package io.facecheck.contracts.request;

import io.facecheck.contracts.schema.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Finds strings that are valid JSON but that PostgreSQL cannot hold: U+0000 (refused by {@code
 * text} and {@code jsonb}) and unpaired surrogates (no UTF-8 form). Such a request would pass the
 * schema and then fail every insert, so it is refused at the door instead, naming the field. A bad
 * property name is reported at its parent: the name itself cannot be written into an error.
 */
final class UnstorableStrings {

  static final String CODE = "unstorable_character";

  private UnstorableStrings() {}

  static List<FieldError> in(JsonNode root) {
    List<FieldError> errors = new ArrayList<>();
    walk(root, "", errors);
    return errors;
  }

  private static void walk(JsonNode node, String pointer, List<FieldError> errors) {
    if (node.isString()) {
      if (!storable(node.asString())) {
        errors.add(
            new FieldError(
                pointer, CODE, "contains U+0000 or an unpaired surrogate, which cannot be stored"));
      }
    } else if (node.isObject()) {
      boolean badName = false;
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        if (!storable(property.getKey())) {
          badName = true;
          continue;
        }
        walk(property.getValue(), pointer + "/" + escape(property.getKey()), errors);
      }
      if (badName) {
        errors.add(
            new FieldError(
                pointer,
                CODE,
                "a property name contains U+0000 or an unpaired surrogate, which cannot be stored"));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, errors);
      }
    }
  }

  static boolean storable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  // RFC 6901
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
