package io.facecheck.simulator;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.internal.util.AlipayLogger;
import com.alipay.api.request.AlipayUserCertifyOpenInitializeRequest;
import com.alipay.api.request.AlipayUserCertifyOpenQueryRequest;
import io.facecheck.simulator.signing.RsaKeys;
import java.security.KeyPair;

/** App credentials and unmodified SDK clients pointed at a simulator. */
final class TestApps {
  static final String APP_ID = "2021000000000001";
  static final KeyPair APP_KEYS = RsaKeys.generate();
  static final KeyPair STRANGER_KEYS = RsaKeys.generate();
  static final String VALID_CERT_NO = "11010519491231002X";

  static {
    // the SDK logs biz_content (cert_name, cert_no) on every call
    AlipayLogger.setNeedEnableLogger(false);
  }

  private TestApps() {}

  static AlipaySimulator startWithApp(SimulatorConfig config) {
    AlipaySimulator simulator = AlipaySimulator.start(config);
    simulator.registerApp(APP_ID, RsaKeys.base64(APP_KEYS.getPublic()));
    return simulator;
  }

  static DefaultAlipayClient rsa2(AlipaySimulator sim) {
    return rsa2(sim, APP_ID, APP_KEYS);
  }

  static DefaultAlipayClient rsa2(AlipaySimulator sim, String appId, KeyPair appKeys) {
    return new DefaultAlipayClient(
        sim.gatewayUrl(),
        appId,
        RsaKeys.base64(appKeys.getPrivate()),
        "json",
        "UTF-8",
        sim.alipayPublicKeyBase64(),
        "RSA2");
  }

  /** The legacy 6-argument constructor: sign_type RSA, i.e. SHA1withRSA. */
  static DefaultAlipayClient legacyRsa(AlipaySimulator sim) {
    return new DefaultAlipayClient(
        sim.gatewayUrl(),
        APP_ID,
        RsaKeys.base64(APP_KEYS.getPrivate()),
        "json",
        "UTF-8",
        sim.alipayPublicKeyBase64());
  }

  static DefaultAlipayClient withReadTimeout(AlipaySimulator sim, int readTimeoutMs)
      throws AlipayApiException {
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(sim.gatewayUrl());
    config.setAppId(APP_ID);
    config.setPrivateKey(RsaKeys.base64(APP_KEYS.getPrivate()));
    config.setAlipayPublicKey(sim.alipayPublicKeyBase64());
    config.setReadTimeout(readTimeoutMs);
    return new DefaultAlipayClient(config);
  }

  static AlipayUserCertifyOpenInitializeRequest initialize(String outerOrderNo, String returnUrl) {
    return initialize(outerOrderNo, VALID_CERT_NO, returnUrl);
  }

  static AlipayUserCertifyOpenInitializeRequest initialize(
      String outerOrderNo, String certNo, String returnUrl) {
    AlipayUserCertifyOpenInitializeRequest request = new AlipayUserCertifyOpenInitializeRequest();
    request.setBizContent(
        "{\"outer_order_no\":\""
            + outerOrderNo
            + "\",\"biz_code\":\"FACE\",\"identity_param\":{\"identity_type\":\"CERT_INFO\","
            + "\"cert_type\":\"IDENTITY_CARD\",\"cert_name\":\"张三\",\"cert_no\":\""
            + certNo
            + "\"},\"merchant_config\":{\"return_url\":\""
            + returnUrl
            + "\"}}");
    return request;
  }

  static AlipayUserCertifyOpenQueryRequest query(String certifyId) {
    AlipayUserCertifyOpenQueryRequest request = new AlipayUserCertifyOpenQueryRequest();
    request.setBizContent("{\"certify_id\":\"" + certifyId + "\"}");
    return request;
  }
}
