package io.facecheck.simulator.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringToSignTest {
  @Test
  void sortsByKeyDropsSignAndEmptyValuesAndKeepsRawValues() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("timestamp", "2026-11-26 19:11:50");
    params.put("sign", "abc");
    params.put("biz_content", "{\"certify_id\":\"a b+c/d\"}");
    params.put("app_id", "2021000000000001");
    params.put("notify_url", "");
    params.put("sign_type", "RSA2");
    assertThat(StringToSign.of(params))
        .isEqualTo(
            "app_id=2021000000000001&biz_content={\"certify_id\":\"a b+c/d\"}"
                + "&sign_type=RSA2&timestamp=2026-11-26 19:11:50");
  }

  @Test
  void signaturesVerifyOnlyWithTheSameAlgorithmAndContent() {
    KeyPair keys = RsaKeys.generate();
    String sign = SignAlgorithm.RSA2.sign(keys.getPrivate(), "张三", StandardCharsets.UTF_8);
    assertThat(SignAlgorithm.RSA2.verify(keys.getPublic(), "张三", StandardCharsets.UTF_8, sign))
        .isTrue();
    assertThat(SignAlgorithm.RSA.verify(keys.getPublic(), "张三", StandardCharsets.UTF_8, sign))
        .isFalse();
    assertThat(SignAlgorithm.RSA2.verify(keys.getPublic(), "李四", StandardCharsets.UTF_8, sign))
        .isFalse();
    assertThat(SignAlgorithm.RSA2.verify(keys.getPublic(), "x", StandardCharsets.UTF_8, "%%%"))
        .isFalse();
  }

  @Test
  void keyPairRoundTripsThroughPkcs8AndDerivesThePublicKey() {
    KeyPair keys = RsaKeys.generate();
    KeyPair loaded = RsaKeys.keyPair(RsaKeys.base64(keys.getPrivate()));
    assertThat(loaded.getPublic()).isEqualTo(keys.getPublic());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + RsaKeys.base64(keys.getPrivate())
            + "\n-----END PRIVATE KEY-----\n";
    assertThat(RsaKeys.keyPair(pem).getPrivate()).isEqualTo(keys.getPrivate());
  }
}
