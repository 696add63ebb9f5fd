package io.facecheck.simulator;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import io.facecheck.simulator.gateway.AppMode;
import io.facecheck.simulator.gateway.AppRegistration;
import io.facecheck.simulator.gateway.RegisteredApp;
import io.facecheck.simulator.signing.RsaKeys;
import java.security.KeyPair;
import java.util.Base64;

/**
 * An app registered in one of the four combinations (public key or certificate, clear or encrypted)
 * and the unmodified SDK configured for it, as a merchant configures it.
 */
record ModeClients(
    String appId,
    boolean certificate,
    String aesKey,
    RegisteredApp app,
    DefaultAlipayClient client) {

  static String newAesKey() {
    byte[] key = new byte[16];
    new java.security.SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  static ModeClients register(
      AlipaySimulator sim, String appId, KeyPair appKeys, boolean certificate, boolean encrypted)
      throws AlipayApiException {
    String aesKey = encrypted ? newAesKey() : null;
    RegisteredApp app =
        sim.registerApp(
            new AppRegistration(
                appId,
                RsaKeys.base64(appKeys.getPublic()),
                certificate ? AppMode.CERTIFICATE : AppMode.PUBLIC_KEY,
                aesKey,
                false));
    return new ModeClients(
        appId,
        certificate,
        aesKey,
        app,
        client(sim, app, appKeys, aesKey, sim.rootCertificatePem()));
  }

  /** The SDK client as a merchant configures it from the files Alipay's console hands out. */
  static DefaultAlipayClient client(
      AlipaySimulator sim, RegisteredApp app, KeyPair appKeys, String aesKey, String rootPem)
      throws AlipayApiException {
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(sim.gatewayUrl());
    config.setAppId(app.appId());
    config.setPrivateKey(RsaKeys.base64(appKeys.getPrivate()));
    config.setCharset("UTF-8");
    config.setSignType("RSA2");
    if (app.mode() == AppMode.CERTIFICATE) {
      config.setAppCertContent(
          io.facecheck.simulator.certificates.Pem.of(app.newest().certificate()));
      config.setAlipayPublicCertContent(sim.alipayCertificatePem());
      config.setRootCertContent(rootPem);
    } else {
      config.setAlipayPublicKey(sim.alipayPublicKeyBase64());
    }
    if (aesKey != null) {
      config.setEncryptType("AES");
      config.setEncryptKey(aesKey);
    }
    return new DefaultAlipayClient(config);
  }

  /** execute() or certificateExecute(), as the mode requires, encrypted when the app is. */
  <T extends AlipayResponse> T call(AlipayRequest<T> request) throws AlipayApiException {
    request.setNeedEncrypt(aesKey != null);
    return certificate ? client.certificateExecute(request) : client.execute(request);
  }
}
