package io.facecheck.worker.alipay;

import com.alipay.api.SignChecker;
import com.alipay.api.internal.util.StringUtils;
import com.alipay.api.internal.util.codec.Base64;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

/**
 * Verifies response signatures exactly as the SDK's {@code DefaultSignChecker}, with the Alipay
 * public key parsed once. Whatever would make the SDK throw (empty content or signature, a
 * malformed signature, an unknown charset) is handed to the SDK's checker, so callers see the SDK's
 * own exceptions. {@code checkCert} (certificate mode) is the SDK's: facecheck uses public-key
 * mode.
 */
public final class CachedKeySignChecker implements SignChecker {

  private final Optional<PublicKey> alipayPublicKey;
  private final SignChecker sdk;

  public CachedKeySignChecker(String alipayPublicKeyBase64, SignChecker sdk) {
    this.alipayPublicKey = SdkKeyParser.publicKey(alipayPublicKeyBase64);
    this.sdk = sdk;
  }

  @Override
  public boolean check(String content, String sign, String signType, String charset) {
    Optional<String> algorithm = RsaSignAlgorithm.forSignType(signType);
    if (alipayPublicKey.isEmpty()
        || algorithm.isEmpty()
        || StringUtils.isEmpty(content)
        || StringUtils.isEmpty(sign)) {
      return sdk.check(content, sign, signType, charset);
    }
    try {
      Signature verifier = Signature.getInstance(algorithm.get());
      verifier.initVerify(alipayPublicKey.get());
      verifier.update(content.getBytes(RsaSignAlgorithm.charsetOrDefault(charset)));
      // the SDK's lenient decoder, so a signature decodes exactly as the SDK decodes it
      return verifier.verify(Base64.decodeBase64(sign.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      // e.g. a signature of the wrong length: the SDK reports it its own way
      return sdk.check(content, sign, signType, charset);
    }
  }

  @Override
  public boolean checkCert(
      String content, String sign, String signType, String charset, String alipayPublicKey) {
    return sdk.checkCert(content, sign, signType, charset, alipayPublicKey);
  }

  /**
   * Whether the key was parsed and is verified with locally (false: every call goes to the SDK).
   */
  public boolean hasCachedKey() {
    return alipayPublicKey.isPresent();
  }
}
