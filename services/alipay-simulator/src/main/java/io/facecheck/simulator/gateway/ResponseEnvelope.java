package io.facecheck.simulator.gateway;

import io.facecheck.simulator.signing.SignAlgorithm;
import java.nio.charset.Charset;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {"&lt;node&gt;":{…},"sign":"…"}: the signature covers exactly the emitted bytes of the
 * node's object, and sign comes after the node, as Alipay sends it.
 */
final class ResponseEnvelope {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PrivateKey alipayPrivateKey;

  ResponseEnvelope(PrivateKey alipayPrivateKey) {
    this.alipayPrivateKey = alipayPrivateKey;
  }

  /** The response node Alipay uses: the method with dots as underscores, or error_response. */
  static String nodeFor(String method) {
    return method == null ? "error_response" : method.replace('.', '_') + "_response";
  }

  /**
   * @param corruptSignature sign something other than what is sent, to exercise the client's check
   */
  String build(
      String node,
      Map<String, String> fields,
      SignAlgorithm algorithm,
      Charset charset,
      boolean corruptSignature) {
    String inner = JSON.writeValueAsString(fields);
    String signed = corruptSignature ? inner + " " : inner;
    String sign = algorithm.sign(alipayPrivateKey, signed, charset);
    return "{\"" + node + "\":" + inner + ",\"sign\":\"" + sign + "\"}";
  }

  static Map<String, String> errorFields(GatewayError error) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", error.code());
    fields.put("msg", error.msg());
    fields.put("sub_code", error.subCode());
    fields.put("sub_msg", error.subMsg());
    return fields;
  }
}
