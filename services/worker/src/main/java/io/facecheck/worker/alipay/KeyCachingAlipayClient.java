package io.facecheck.worker.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.Decryptor;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.SignChecker;
import com.alipay.api.Signer;

/**
 * The SDK's client with its keys parsed once and its key-pair self-check evaluated once.
 *
 * <p>Before every response verification the SDK signs the constant "checkAlipayPublicKey" with the
 * app private key and verifies it with the configured Alipay public key, to refuse a client whose
 * "Alipay" key is the app's own: a second RSA private-key operation per call, with keys re-parsed
 * from Base64 each time. Keys do not change after construction, so the answer cannot change either:
 * it is computed here once, through the SDK's own check, and {@link #checkAlipayPublicKey()}
 * returns it, so the SDK still refuses such a client on every verified response. Requests,
 * responses and response-signature checks stay the SDK's; only the RSA work goes through {@link
 * CachedKeySigner} and {@link CachedKeySignChecker}.
 *
 * <p>In certificate mode the SDK never runs the self-check and verifies each response with a
 * checker it creates itself for the certificate the response names, so there the saving is the
 * request signature with the key parsed once. {@link #execute} follows the configuration: {@code
 * certificateExecute} in certificate mode (the SDK refuses {@code execute} there), and content
 * encryption of every request when an AES key is configured, answers read through {@link
 * ClearErrorReadingDecryptor}; callers just call {@code execute}.
 */
public class KeyCachingAlipayClient extends DefaultAlipayClient {

  private final Signer signer;
  private final SignChecker signChecker;
  private final boolean alipayPublicKeyIsTheAppsOwn;
  private final AlipayMode mode;
  private final boolean encrypted;
  private final Decryptor decryptor;

  public KeyCachingAlipayClient(AlipayConfig config) throws AlipayApiException {
    super(config);
    this.mode =
        isEmpty(config.getAlipayPublicCertContent()) && isEmpty(config.getAlipayPublicCertPath())
            ? AlipayMode.PUBLIC_KEY
            : AlipayMode.CERTIFICATE;
    this.encrypted = !isEmpty(config.getEncryptKey());
    Decryptor sdkDecryptor = super.getDecryptor();
    this.decryptor = sdkDecryptor == null ? null : new ClearErrorReadingDecryptor(sdkDecryptor);
    Signer sdkSigner = super.getSigner();
    SignChecker sdkChecker = super.getSignChecker();
    this.signer = sdkSigner == null ? null : new CachedKeySigner(config.getPrivateKey(), sdkSigner);
    // no Alipay public key: the SDK verifies nothing, and neither do we
    this.signChecker =
        sdkChecker == null
            ? null
            : new CachedKeySignChecker(config.getAlipayPublicKey(), sdkChecker);
    // the SDK's own check, run through the cached signer and checker above
    this.alipayPublicKeyIsTheAppsOwn = super.checkAlipayPublicKey();
  }

  @Override
  public Signer getSigner() {
    // null only while the SDK's constructor runs
    return signer != null ? signer : super.getSigner();
  }

  @Override
  public SignChecker getSignChecker() {
    return signChecker != null ? signChecker : super.getSignChecker();
  }

  @Override
  public Decryptor getDecryptor() {
    return decryptor != null ? decryptor : super.getDecryptor();
  }

  /**
   * The SDK's {@code execute} in public-key mode, its {@code certificateExecute} in certificate
   * mode, every request content-encrypted when an AES key is configured.
   */
  @Override
  public <T extends AlipayResponse> T execute(
      AlipayRequest<T> request, String accessToken, String appAuthToken, String targetAppId)
      throws AlipayApiException {
    if (encrypted) {
      request.setNeedEncrypt(true);
    }
    return mode == AlipayMode.CERTIFICATE
        ? super.certificateExecute(request, accessToken, appAuthToken, targetAppId)
        : super.execute(request, accessToken, appAuthToken, targetAppId);
  }

  public AlipayMode mode() {
    return mode;
  }

  public boolean encrypted() {
    return encrypted;
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  /** True when the configured Alipay public key belongs to the app's own key pair (refused). */
  @Override
  public boolean checkAlipayPublicKey() {
    return alipayPublicKeyIsTheAppsOwn;
  }
}
