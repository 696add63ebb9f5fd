package io.facecheck.devstack.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the worker is told about the stack's Alipay app beyond its id and private key: Alipay's
 * public key, or the three certificates the simulator issued, and the AES key when content is
 * encrypted. The same settings its README documents.
 */
public record WorkerAlipaySettings(
    String alipayPublicKey,
    String appCert,
    String alipayCert,
    String alipayRootCert,
    String encryptKey) {

  public static WorkerAlipaySettings publicKey(String alipayPublicKey) {
    return new WorkerAlipaySettings(alipayPublicKey, null, null, null, null);
  }

  /** The worker's settings under {@code prefix} (facecheck.worker.alipay.apps.NAME.). */
  Map<String, String> properties(String prefix) {
    Map<String, String> p = new LinkedHashMap<>();
    if (appCert != null) {
      p.put(prefix + "mode", "certificate");
      p.put(prefix + "app-cert", appCert);
      p.put(prefix + "alipay-cert", alipayCert);
      p.put(prefix + "alipay-root-cert", alipayRootCert);
    } else {
      p.put(prefix + "alipay-public-key", alipayPublicKey);
    }
    if (encryptKey != null) {
      p.put(prefix + "encrypt-key", encryptKey);
    }
    return p;
  }

  @Override
  public String toString() {
    return "WorkerAlipaySettings[certificate="
        + (appCert != null)
        + ", encrypted="
        + (encryptKey != null)
        + "]";
  }
}
