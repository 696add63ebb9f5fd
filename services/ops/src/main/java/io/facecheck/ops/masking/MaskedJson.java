package io.facecheck.ops.masking;

import io.facecheck.contracts.identity.ResidentIdNumber;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A masked copy of a JSON value, for {@code dlt show}: a cert_name or cert_no anywhere (and
 * everything under {@code identity} except cert_type) is masked, and every other string, number and
 * field name is scrubbed of the identity found in the value and of ID-shaped numbers. Works on any
 * JSON, valid request or not: a dead letter is by definition a record that broke some rule.
 */
public final class MaskedJson {

  static final String IDENTITY = "identity";
  static final String CERT_NAME = "cert_name";
  static final String CERT_NO = "cert_no";
  static final String CERT_TYPE = "cert_type";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MaskedJson() {}

  /** The cert_names and cert_nos in {@code root}, wherever they are. */
  public static KnownIdentity identityIn(JsonNode root) {
    Set<String> names = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    collect(root, names, numbers);
    return new KnownIdentity(names, numbers);
  }

  public static JsonNode mask(JsonNode node, KnownIdentity known) {
    if (node.isObject()) {
      ObjectNode masked = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        masked.set(known.scrub(field.getKey()), maskField(field.getKey(), field.getValue(), known));
      }
      return masked;
    }
    if (node.isArray()) {
      ArrayNode masked = NODES.arrayNode();
      node.values().forEach(element -> masked.add(mask(element, known)));
      return masked;
    }
    if (node.isString()) {
      return NODES.stringNode(known.scrub(node.stringValue()));
    }
    if (node.isNumber()) {
      String text = node.toString();
      String scrubbed = known.scrub(text);
      return scrubbed.equals(text) ? node : NODES.stringNode(scrubbed);
    }
    return node;
  }

  private static JsonNode maskField(String name, JsonNode value, KnownIdentity known) {
    return switch (name) {
      case CERT_NAME -> NODES.stringNode(MaskedName.of(text(value)));
      case CERT_NO -> NODES.stringNode(ResidentIdNumber.mask(text(value)));
      case IDENTITY -> maskIdentity(value, known);
      default -> mask(value, known);
    };
  }

  private static JsonNode maskIdentity(JsonNode identity, KnownIdentity known) {
    if (!identity.isObject()) {
      return NODES.stringNode(MaskedName.hidden(text(identity)));
    }
    ObjectNode masked = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : identity.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      masked.set(
          known.scrub(name),
          switch (name) {
            case CERT_TYPE -> mask(value, known);
            case CERT_NAME, CERT_NO -> maskField(name, value, known);
            // whatever else sits beside the identity is treated as part of it
            default -> NODES.stringNode(MaskedName.hidden(text(value)));
          });
    }
    return masked;
  }

  private static void collect(JsonNode node, Set<String> names, Set<String> numbers) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = field.getValue();
        if (field.getKey().equals(CERT_NAME) && value.isValueNode()) {
          names.add(text(value));
        } else if (field.getKey().equals(CERT_NO) && value.isValueNode()) {
          numbers.add(text(value));
        } else {
          collect(value, names, numbers);
        }
      }
    } else if (node.isArray()) {
      node.values().forEach(element -> collect(element, names, numbers));
    }
  }

  private static String text(JsonNode value) {
    return value.isString() ? value.stringValue() : value.toString();
  }
}
