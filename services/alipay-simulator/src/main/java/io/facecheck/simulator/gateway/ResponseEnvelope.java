package io.facecheck.simulator.gateway;

import io.facecheck.simulator.encryption.AesContent;
import io.facecheck.simulator.signing.SignAlgorithm;
import java.nio.charset.Charset;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {"&lt;node&gt;":{…},"sign":"…"}: the signature covers exactly the emitted bytes of the
 * node's object, and sign comes after the node, as Alipay sends it. In certificate mode {@code
 * "alipay_cert_sn"} sits between them and names the certificate whose key signed. With content
 * encryption the node's value is a JSON string, the Base64 AES ciphertext of the object, and the
 * signature covers that string, quotes included (what the SDK extracts and verifies before it
 * decrypts).
 */
final class ResponseEnvelope {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How the envelope carries its signature; all but {@link #SIGNED} are injected faults. */
  enum Signing {
    /** Alipay's: the node's bytes signed with the Alipay private key. */
    SIGNED,
    /** A signature over something other than what is sent, to exercise the client's check. */
    CORRUPTED,
    /** {@code "sign":""}, as a forger might send. */
    EMPTY,
    /** No {@code sign} member at all, as a forger might send. */
    ABSENT,
    /**
     * The fields under {@code error_response}, with a genuinely signed success node nested in them
     * under the method's node name and its valid sign at the root: a replayed signature beside
     * forged content.
     */
    REPLAYED
  }

  /** The node a replaying forger wraps: any success Alipay signed for this app would do. */
  static final String REPLAYED_NODE = "{\"code\":\"10000\",\"msg\":\"Success\"}";

  /** The key a response is signed with, and the SN of its certificate in certificate mode. */
  record Signer(PrivateKey key, String alipayCertSn) {
    static Signer publicKeyMode(PrivateKey key) {
      return new Signer(key, null);
    }
  }

  /** The response node Alipay uses: the method with dots as underscores, or error_response. */
  static String nodeFor(String method) {
    return method == null ? "error_response" : method.replace('.', '_') + "_response";
  }

  private final PrivateKey publicKeyModeKey;

  /** An envelope builder whose public-key-mode responses are signed with this key. */
  ResponseEnvelope(PrivateKey publicKeyModeKey) {
    this.publicKeyModeKey = publicKeyModeKey;
  }

  PrivateKey publicKeyModeKey() {
    return publicKeyModeKey;
  }

  /** Public-key mode, clear content. */
  String build(
      String node,
      Map<String, String> fields,
      SignAlgorithm algorithm,
      Charset charset,
      Signing signing) {
    return build(
        node, fields, algorithm, charset, signing, Signer.publicKeyMode(publicKeyModeKey), null);
  }

  String build(
      String node,
      Map<String, String> fields,
      SignAlgorithm algorithm,
      Charset charset,
      Signing signing,
      Signer signer,
      AesContent encryptWith) {
    PrivateKey alipayPrivateKey = signer.key();
    String plain = JSON.writeValueAsString(fields);
    String inner =
        encryptWith == null || signing == Signing.REPLAYED
            ? plain
            : "\"" + encryptWith.encrypt(plain, charset) + "\"";
    String certSn =
        signer.alipayCertSn() == null
            ? ""
            : ",\"alipay_cert_sn\":\"" + signer.alipayCertSn() + "\"";
    String envelope = "{\"" + node + "\":" + inner + certSn;
    return switch (signing) {
      case REPLAYED -> {
        String forged = inner.substring(0, inner.length() - 1);
        String nested = forged + ",\"" + node + "\":" + REPLAYED_NODE + "}";
        String sign = algorithm.sign(alipayPrivateKey, REPLAYED_NODE, charset);
        yield "{\"" + nodeFor(null) + "\":" + nested + certSn + ",\"sign\":\"" + sign + "\"}";
      }
      case ABSENT -> envelope + "}";
      case EMPTY -> envelope + ",\"sign\":\"\"}";
      case SIGNED, CORRUPTED -> {
        String signed = signing == Signing.CORRUPTED ? inner + " " : inner;
        yield envelope + ",\"sign\":\"" + algorithm.sign(alipayPrivateKey, signed, charset) + "\"}";
      }
    };
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
