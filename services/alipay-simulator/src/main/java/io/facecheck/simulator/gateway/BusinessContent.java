package io.facecheck.simulator.gateway;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads biz_content. Parsed from the raw string; the signature was already checked over that
 * string.
 */
final class BusinessContent {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A business parameter problem, answered as 40004 with the sub_code. */
  static final class Invalid extends Exception {
    final GatewayError error;

    Invalid(String subCode, String subMsg) {
      super(subMsg, null, false, false);
      this.error = GatewayError.business(subCode, subMsg);
    }
  }

  private final JsonNode root;

  private BusinessContent(JsonNode root) {
    this.root = root;
  }

  static BusinessContent parse(String bizContent) throws Invalid {
    if (bizContent == null || bizContent.isEmpty()) {
      throw new Invalid("INVALID_PARAMETER", "biz_content 不能为空");
    }
    try {
      JsonNode node = JSON.readTree(bizContent);
      if (node == null || !node.isObject()) {
        throw new Invalid("INVALID_PARAMETER", "biz_content 必须是 JSON 对象");
      }
      return new BusinessContent(node);
    } catch (JacksonException e) {
      throw new Invalid("INVALID_PARAMETER", "biz_content 不是合法的 JSON");
    }
  }

  String requiredText(String field) throws Invalid {
    return optionalText(field)
        .filter(value -> !value.isEmpty())
        .orElseThrow(() -> new Invalid("INVALID_PARAMETER", field + " 不能为空"));
  }

  Optional<String> optionalText(String field) throws Invalid {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isString()) {
      throw new Invalid("INVALID_PARAMETER", field + " 必须是字符串");
    }
    return Optional.of(node.stringValue());
  }

  /**
   * An object field; also accepts it as a JSON string holding the object, as older models send it.
   */
  BusinessContent requiredObject(String field) throws Invalid {
    JsonNode node = root.get(field);
    if (node != null && node.isString()) {
      try {
        node = JSON.readTree(node.stringValue());
      } catch (JacksonException e) {
        node = null;
      }
    }
    if (node == null || !node.isObject()) {
      throw new Invalid("INVALID_PARAMETER", field + " 必须是 JSON 对象");
    }
    return new BusinessContent(node);
  }
}
