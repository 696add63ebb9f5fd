package io.facecheck.contracts.schema;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

/**
 * Turns validator errors into {@link FieldError}s. The validator's own messages can quote the
 * offending value (a cert_no, say), so the message is rebuilt from the keyword and the schema's
 * constraint only.
 */
final class ViolationMessages {

  private static final int MAX_ECHOED_NAME = 64;

  private ViolationMessages() {}

  static FieldError toFieldError(Error error) {
    String keyword = error.getKeyword();
    return new FieldError(field(error), keyword, message(keyword, error.getSchemaNode()));
  }

  private static String field(Error error) {
    String location = error.getInstanceLocation().toString();
    String property = error.getProperty();
    // "required" and "additionalProperties" are reported on the object; point at the property
    boolean namesProperty =
        "required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword());
    if (namesProperty && property != null) {
      return location + "/" + escape(truncate(property));
    }
    return location;
  }

  private static String message(String keyword, JsonNode constraint) {
    return switch (keyword) {
      case "required" -> "is required";
      case "additionalProperties" -> "is not allowed here";
      case "type" -> "must be of type " + constraint;
      case "const" -> "must be " + constraint;
      case "enum" -> "must be one of " + constraint;
      case "pattern" -> "must match " + constraint;
      case "format" -> "must be a valid " + constraint.asString();
      case "minimum" -> "must be at least " + constraint;
      case "maximum" -> "must be at most " + constraint;
      case "minLength" -> "must be at least " + constraint + " characters long";
      case "maxLength" -> "must be at most " + constraint + " characters long";
      case "maxProperties" -> "must have at most " + constraint + " entries";
      case "propertyNames" -> "has a property name that breaks the naming rule";
      default -> "breaks the schema rule '" + keyword + "'";
    };
  }

  private static String truncate(String name) {
    return name.length() <= MAX_ECHOED_NAME ? name : name.substring(0, MAX_ECHOED_NAME) + "…";
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
