package io.facecheck.devstack.e2e;

import io.facecheck.devstack.stack.AlipaySetup;

/**
 * Every promise of {@link EndToEndIT}, with the app in public-key certificate mode and every Alipay
 * call AES-encrypted: the worker configured with the certificates the simulator issued, the SDK's
 * {@code certificateExecute}, encrypted biz_content both ways.
 */
class EndToEndCertificateEncryptedIT extends EndToEndIT {
  @Override
  AlipaySetup alipay() {
    return new AlipaySetup(true, true);
  }
}
