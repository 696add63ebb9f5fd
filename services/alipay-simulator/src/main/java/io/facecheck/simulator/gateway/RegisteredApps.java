package io.facecheck.simulator.gateway;

import io.facecheck.simulator.signing.RsaKeys;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** App ids and their public keys, parsed once at registration rather than on every call. */
public final class RegisteredApps {
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

  /** Throws IllegalArgumentException for a blank app id or a key that is not X.509 RSA. */
  public void register(String appId, String publicKeyBase64) {
    if (appId == null || appId.isBlank() || appId.length() > 64) {
      throw new IllegalArgumentException("app_id must be 1-64 characters");
    }
    if (publicKeyBase64 == null || publicKeyBase64.isBlank()) {
      throw new IllegalArgumentException("public_key is required");
    }
    keys.put(appId, RsaKeys.publicKey(publicKeyBase64));
  }

  public Optional<PublicKey> publicKey(String appId) {
    return Optional.ofNullable(keys.get(appId));
  }

  public Set<String> appIds() {
    return new TreeSet<>(keys.keySet());
  }
}
