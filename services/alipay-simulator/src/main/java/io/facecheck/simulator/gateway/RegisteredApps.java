package io.facecheck.simulator.gateway;

import io.facecheck.simulator.certificates.AlipayCertificates;
import io.facecheck.simulator.encryption.AesContent;
import io.facecheck.simulator.signing.RsaKeys;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered apps, their keys parsed once at registration rather than on every call. In
 * certificate mode registration also issues the app certificate from the simulator's root.
 */
public final class RegisteredApps {
  /** At most this many keys are accepted at once: the new one and the one it replaces. */
  private static final int OVERLAPPING_KEYS = 2;

  private final Map<String, RegisteredApp> apps = new ConcurrentHashMap<>();
  private final AlipayCertificates certificates;

  public RegisteredApps(AlipayCertificates certificates) {
    this.certificates = certificates;
  }

  /** Throws IllegalArgumentException for a blank app id or a key that is not X.509 RSA. */
  public void register(String appId, String publicKeyBase64) {
    register(AppRegistration.publicKey(appId, publicKeyBase64));
  }

  /**
   * Registers (or re-keys) an app. With {@code keepPreviousKey} the newest key it had stays
   * accepted beside the new one (and, when no AES key is given, its AES key stays); otherwise the
   * new key replaces every other.
   */
  public synchronized RegisteredApp register(AppRegistration registration) {
    String appId = registration.appId();
    if (appId == null || appId.isBlank() || appId.length() > 64) {
      throw new IllegalArgumentException("app_id must be 1-64 characters");
    }
    if (registration.publicKey() == null || registration.publicKey().isBlank()) {
      throw new IllegalArgumentException("public_key is required");
    }
    PublicKey key = RsaKeys.publicKey(registration.publicKey());
    AesContent aes =
        registration.aesKey() == null || registration.aesKey().isBlank()
            ? null
            : AesContent.ofBase64(registration.aesKey());
    AppMode mode = registration.mode() == null ? AppMode.PUBLIC_KEY : registration.mode();
    AppCredential credential;
    if (mode == AppMode.CERTIFICATE) {
      X509Certificate certificate = certificates.issueAppCertificate(appId, key);
      credential =
          new AppCredential(
              key, certificate, io.facecheck.simulator.certificates.CertificateSn.of(certificate));
    } else {
      credential = new AppCredential(key, null, null);
    }
    List<AppCredential> credentials = new ArrayList<>();
    credentials.add(credential);
    RegisteredApp previous = apps.get(appId);
    if (aes == null && registration.keepPreviousKey() && previous != null) {
      // a key rotation without a new AES key keeps the app's encryption as it is
      aes = previous.aes();
    }
    if (registration.keepPreviousKey() && previous != null && previous.mode() == mode) {
      previous.credentials().stream().limit(OVERLAPPING_KEYS - 1).forEach(credentials::add);
    }
    RegisteredApp app = new RegisteredApp(appId, mode, credentials, aes);
    apps.put(appId, app);
    return app;
  }

  /** Stops accepting every key of the app but its newest: the end of a rotation's overlap. */
  public synchronized Optional<RegisteredApp> retirePreviousKeys(String appId) {
    return Optional.ofNullable(
        apps.computeIfPresent(
            appId,
            (id, app) -> new RegisteredApp(id, app.mode(), List.of(app.newest()), app.aes())));
  }

  public Optional<RegisteredApp> find(String appId) {
    return appId == null ? Optional.empty() : Optional.ofNullable(apps.get(appId));
  }

  /** The newest public key of an app. */
  public Optional<PublicKey> publicKey(String appId) {
    return find(appId).map(app -> app.newest().publicKey());
  }

  public Set<String> appIds() {
    return new TreeSet<>(apps.keySet());
  }
}
