package io.facecheck.worker.alipay;

import com.alipay.api.Signer;
import com.alipay.api.internal.util.StringUtils;
import java.io.UnsupportedEncodingException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs exactly as the SDK's {@code DefaultSigner} (PKCS#1 v1.5 is deterministic, so the signatures
 * are byte-identical) but with the app private key parsed once instead of on every call. Anything
 * it does not handle itself (another sign type, empty content, a key the SDK could not parse
 * either, a signing failure) goes to the SDK's signer, which behaves and fails as always.
 */
public final class CachedKeySigner implements Signer {

  private final Optional<PrivateKey> privateKey;
  private final Signer sdk;

  public CachedKeySigner(String privateKeyBase64, Signer sdk) {
    this.privateKey = SdkKeyParser.privateKey(privateKeyBase64);
    this.sdk = sdk;
  }

  @Override
  public String sign(String content, String signType, String charset) {
    Optional<String> algorithm = RsaSignAlgorithm.forSignType(signType);
    if (privateKey.isEmpty() || algorithm.isEmpty() || StringUtils.isEmpty(content)) {
      return sdk.sign(content, signType, charset);
    }
    try {
      // Signature is not thread-safe; a new one per call is cheap, parsing the key is not
      Signature signature = Signature.getInstance(algorithm.get());
      signature.initSign(privateKey.get());
      signature.update(content.getBytes(RsaSignAlgorithm.charsetOrDefault(charset)));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException | UnsupportedEncodingException e) {
      return sdk.sign(content, signType, charset);
    }
  }

  /** Whether the key was parsed and is signed with locally (false: every call goes to the SDK). */
  public boolean hasCachedKey() {
    return privateKey.isPresent();
  }
}
