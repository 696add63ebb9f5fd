package io.facecheck.worker.alipay;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the body of an answer {@code execute()} returned is one whose fields the SDK checked
 * against Alipay's signature. The SDK (4.40.734, public-key mode, {@code
 * AbstractAlipayClient.checkResponseSign}) verifies a response only when its sub_code is empty
 * ({@code isSuccess()}) or a non-empty root-level {@code sign} came with it: an error with a
 * sub_code and no sign is returned unchecked, so anyone on the path can forge one. It also verifies
 * one object (the first {@code {…}} after the first occurrence of {@code <method>_response}, else
 * {@code error_response}) but reads the fields from another (the first object-valued root member,
 * in HashMap order), so a signed answer replayed next to a forged node verifies too.
 *
 * <p>So a body counts as signed only in Alipay's exact layout, where both are the same object:
 * {@code {"<x>_response":{…},"sign":"<non-empty>"}} with nothing else at the root, no duplicate
 * member, and {@code _response} nowhere but in that one key (so the SDK cannot have picked another
 * spot to verify). Given that {@code execute()} returned, the SDK verified that sign over exactly
 * the node it read; anything else is unproven, never Alipay's word.
 *
 * <p>Certificate mode ({@code certificateExecute}, {@code checkResponseCertSign}) adds a root-level
 * {@code "alipay_cert_sn"} string, and the SDK verifies a non-success answer only when that SN is
 * present (without it, even a non-empty sign is not checked): there the SN is required; in
 * public-key mode it is allowed (the SDK ignores it). Either way it is a string member, which the
 * SDK's parser skips, so it changes nothing about which node is read.
 */
final class SignedBody {

  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern NODE = Pattern.compile("[a-z0-9_]+_response");
  private static final Pattern SIGN_TAIL = Pattern.compile("\"sign\":\"[^\"]+\"}");
  private static final String SIGN_KEY = "\"sign\"";
  private static final String CERT_SN = "alipay_cert_sn";
  private static final String RESPONSE_SUFFIX = "_response";

  private SignedBody() {}

  /** As {@link #verifiedBySdk(String, AlipayMode)} in public-key mode. */
  static boolean verifiedBySdk(String body) {
    return verifiedBySdk(body, AlipayMode.PUBLIC_KEY);
  }

  /** True when the SDK verified Alipay's signature over the very node it read from {@code body}. */
  static boolean verifiedBySdk(String body, AlipayMode mode) {
    if (body == null) {
      return false;
    }
    String text = body.strip();
    if (!text.startsWith("{\"")) {
      return false;
    }
    int keyEnd = text.indexOf('"', 2);
    if (keyEnd < 0 || !text.startsWith("\":{", keyEnd)) {
      return false;
    }
    String node = text.substring(2, keyEnd);
    if (!NODE.matcher(node).matches()
        || text.indexOf(RESPONSE_SUFFIX) != text.lastIndexOf(RESPONSE_SUFFIX)) {
      return false;
    }
    // the SDK's signed content ends where the first "sign" starts: it must be the root's last
    // member, right after the node
    int sign = text.indexOf(SIGN_KEY);
    if (sign < 1
        || text.charAt(sign - 1) != ','
        || !SIGN_TAIL.matcher(text).region(sign, text.length()).matches()) {
      return false;
    }
    return rootHoldsOnly(text, node, mode);
  }

  private static boolean rootHoldsOnly(String text, String node, AlipayMode mode) {
    try {
      JsonNode root = STRICT.readTree(text);
      boolean hasCertSn = root.path(CERT_SN).isString() && !root.path(CERT_SN).asString().isEmpty();
      if (mode == AlipayMode.CERTIFICATE && !hasCertSn) {
        return false;
      }
      return root.isObject()
          && root.size() == (hasCertSn ? 3 : 2)
          && root.path(node).isObject()
          && root.path("sign").isString()
          && !root.path("sign").asString().isEmpty();
    } catch (JacksonException e) {
      return false;
    }
  }
}
