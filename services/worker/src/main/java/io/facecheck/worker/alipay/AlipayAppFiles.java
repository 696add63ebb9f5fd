package io.facecheck.worker.alipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An app's settings where each secret is given either as a value or as a file ({@code …-file});
 * files are read on every {@link #load()}, so a rotation that rewrites them is picked up by the
 * next reload without a restart. A value and a file for the same setting is a mistake.
 */
public record AlipayAppFiles(
    String name,
    String appId,
    String mode,
    Secret privateKey,
    Secret alipayPublicKey,
    Secret appCert,
    Secret alipayCert,
    Secret alipayRootCert,
    Secret encryptKey,
    String gatewayUrl,
    String signType)
    implements AlipayAppSource {

  /** A secret given inline or as a file path (at most one of the two). */
  public record Secret(String value, String file) {
    static final Secret NONE = new Secret(null, null);

    String read(String app, String setting) {
      boolean hasValue = value != null && !value.isBlank();
      boolean hasFile = file != null && !file.isBlank();
      if (hasValue && hasFile) {
        throw new IllegalArgumentException(
            "facecheck.worker.alipay.apps."
                + app
                + "."
                + setting
                + " and "
                + setting
                + "-file are both set: keep one");
      }
      if (!hasFile) {
        return hasValue ? value : null;
      }
      try {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        // the path is configuration, not a secret
        throw new UncheckedIOException(
            "facecheck.worker.alipay.apps." + app + "." + setting + "-file " + file + " unreadable",
            e);
      }
    }

    @Override
    public String toString() {
      return file != null ? "Secret[file=" + file + "]" : "Secret[***]";
    }
  }

  @Override
  public AlipayApp load() {
    return new AlipayApp(
        name,
        appId,
        AlipayMode.parse(mode, name),
        privateKey.read(name, "private-key"),
        alipayPublicKey.read(name, "alipay-public-key"),
        appCert.read(name, "app-cert"),
        alipayCert.read(name, "alipay-cert"),
        alipayRootCert.read(name, "alipay-root-cert"),
        encryptKey.read(name, "encrypt-key"),
        gatewayUrl,
        signType);
  }
}
