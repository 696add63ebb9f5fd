package io.facecheck.simulator.gateway;

/**
 * What registering an app takes: its id and public key (X.509, Base64), its mode, an optional AES
 * key (Base64) for content encryption, and whether the key registered before stays accepted (a key
 * rotation's overlap) or is replaced.
 */
public record AppRegistration(
    String appId, String publicKey, AppMode mode, String aesKey, boolean keepPreviousKey) {

  public static AppRegistration publicKey(String appId, String publicKeyBase64) {
    return new AppRegistration(appId, publicKeyBase64, AppMode.PUBLIC_KEY, null, false);
  }

  public static AppRegistration certificate(String appId, String publicKeyBase64) {
    return new AppRegistration(appId, publicKeyBase64, AppMode.CERTIFICATE, null, false);
  }

  public AppRegistration withAesKey(String base64) {
    return new AppRegistration(appId, publicKey, mode, base64, keepPreviousKey);
  }

  /** Keeps the app's current key accepted beside the new one (the overlap of a key rotation). */
  public AppRegistration keepingPreviousKey() {
    return new AppRegistration(appId, publicKey, mode, aesKey, true);
  }
}
