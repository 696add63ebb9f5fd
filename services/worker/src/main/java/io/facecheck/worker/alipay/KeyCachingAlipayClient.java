package io.facecheck.worker.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayConfig;
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
 * CachedKeySigner} and {@link CachedKeySignChecker}. Public-key mode only: certificate mode is left
 * entirely to the SDK.
 */
public class KeyCachingAlipayClient extends DefaultAlipayClient {

  private final Signer signer;
  private final SignChecker signChecker;
  private final boolean alipayPublicKeyIsTheAppsOwn;

  public KeyCachingAlipayClient(AlipayConfig config) throws AlipayApiException {
    super(config);
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

  /** True when the configured Alipay public key belongs to the app's own key pair (refused). */
  @Override
  public boolean checkAlipayPublicKey() {
    return alipayPublicKeyIsTheAppsOwn;
  }
}
