package io.facecheck.simulator.gateway;

import io.facecheck.simulator.encryption.AesContent;
import java.util.List;
import java.util.Optional;

/**
 * An app as the gateway knows it: its mode, the keys it may sign with (the newest first; two while
 * a key rotation overlaps), and its AES key when content encryption is set up.
 */
public record RegisteredApp(
    String appId, AppMode mode, List<AppCredential> credentials, AesContent aes) {

  public RegisteredApp {
    credentials = List.copyOf(credentials);
  }

  /** The credential whose certificate has this SN (certificate mode). */
  public Optional<AppCredential> bySn(String appCertSn) {
    return credentials.stream()
        .filter(c -> c.certSn() != null && c.certSn().equals(appCertSn))
        .findFirst();
  }

  public AppCredential newest() {
    return credentials.get(0);
  }

  public Optional<AesContent> encryption() {
    return Optional.ofNullable(aes);
  }
}
