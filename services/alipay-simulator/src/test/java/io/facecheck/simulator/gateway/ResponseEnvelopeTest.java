package io.facecheck.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.simulator.signing.RsaKeys;
import io.facecheck.simulator.signing.SignAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseEnvelopeTest {
  private static final KeyPair ALIPAY = RsaKeys.generate();

  @Test
  void signCoversExactlyTheEmittedNodeAndComesAfterIt() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("code", "10000");
    fields.put("msg", "Success");
    fields.put("certify_id", "a/b");
    String body =
        new ResponseEnvelope(ALIPAY.getPrivate())
            .build(
                "x_response",
                fields,
                SignAlgorithm.RSA2,
                StandardCharsets.UTF_8,
                ResponseEnvelope.Signing.SIGNED);
    String inner = "{\"code\":\"10000\",\"msg\":\"Success\",\"certify_id\":\"a/b\"}";
    assertThat(body).startsWith("{\"x_response\":" + inner + ",\"sign\":\"");
    String sign = body.substring(body.indexOf(",\"sign\":\"") + 9, body.length() - 2);
    assertThat(SignAlgorithm.RSA2.verify(ALIPAY.getPublic(), inner, StandardCharsets.UTF_8, sign))
        .isTrue();
  }

  @Test
  void corruptedSignatureDoesNotVerify() {
    String body =
        new ResponseEnvelope(ALIPAY.getPrivate())
            .build(
                "x_response",
                Map.of("code", "10000"),
                SignAlgorithm.RSA,
                StandardCharsets.UTF_8,
                ResponseEnvelope.Signing.CORRUPTED);
    String sign = body.substring(body.indexOf(",\"sign\":\"") + 9, body.length() - 2);
    assertThat(
            SignAlgorithm.RSA.verify(
                ALIPAY.getPublic(), "{\"code\":\"10000\"}", StandardCharsets.UTF_8, sign))
        .isFalse();
  }

  @Test
  void forgedEnvelopesCarryNoSignOrAnEmptyOne() {
    ResponseEnvelope envelope = new ResponseEnvelope(ALIPAY.getPrivate());
    Map<String, String> fields = Map.of("code", "40004");
    assertThat(
            envelope.build(
                "x_response",
                fields,
                SignAlgorithm.RSA2,
                StandardCharsets.UTF_8,
                ResponseEnvelope.Signing.ABSENT))
        .isEqualTo("{\"x_response\":{\"code\":\"40004\"}}");
    assertThat(
            envelope.build(
                "x_response",
                fields,
                SignAlgorithm.RSA2,
                StandardCharsets.UTF_8,
                ResponseEnvelope.Signing.EMPTY))
        .isEqualTo("{\"x_response\":{\"code\":\"40004\"},\"sign\":\"\"}");
  }

  @Test
  void aReplayedEnvelopeNestsAGenuinelySignedNodeInTheForgedOne() {
    String body =
        new ResponseEnvelope(ALIPAY.getPrivate())
            .build(
                "x_response",
                Map.of("code", "40004"),
                SignAlgorithm.RSA2,
                StandardCharsets.UTF_8,
                ResponseEnvelope.Signing.REPLAYED);
    assertThat(body)
        .startsWith(
            "{\"error_response\":{\"code\":\"40004\",\"x_response\":"
                + ResponseEnvelope.REPLAYED_NODE
                + "},\"sign\":\"");
    String sign = body.substring(body.indexOf(",\"sign\":\"") + 9, body.length() - 2);
    assertThat(
            SignAlgorithm.RSA2.verify(
                ALIPAY.getPublic(), ResponseEnvelope.REPLAYED_NODE, StandardCharsets.UTF_8, sign))
        .isTrue();
  }
}
