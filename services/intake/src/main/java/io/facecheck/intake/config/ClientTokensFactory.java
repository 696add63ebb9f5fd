package io.facecheck.intake.config;

import io.facecheck.intake.auth.ClientTokens;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns {@code facecheck.intake.clients.*} into {@link ClientTokens}, failing fast on mistakes. */
final class ClientTokensFactory {

  /** Bearer tokens are secrets; short ones can be guessed. */
  static final int MIN_TOKEN_LENGTH = 16;

  private ClientTokensFactory() {}

  static ClientTokens from(IntakeProperties properties) {
    Map<String, byte[]> digests = new LinkedHashMap<>();
    properties
        .clients()
        .forEach((clientId, client) -> digests.put(clientId, digestOf(clientId, client)));
    return ClientTokens.ofDigests(digests);
  }

  private static byte[] digestOf(String clientId, IntakeProperties.Client client) {
    boolean hasToken = client != null && client.token() != null && !client.token().isBlank();
    boolean hasDigest =
        client != null && client.tokenSha256() != null && !client.tokenSha256().isBlank();
    String prefix = "facecheck.intake.clients." + clientId;
    if (hasToken == hasDigest) {
      throw new IllegalArgumentException(prefix + ": set exactly one of token or token-sha256");
    }
    if (hasToken) {
      if (client.token().length() < MIN_TOKEN_LENGTH) {
        throw new IllegalArgumentException(
            prefix + ".token must be at least " + MIN_TOKEN_LENGTH + " characters");
      }
      return ClientTokens.sha256(client.token());
    }
    try {
      byte[] digest = HexFormat.of().parseHex(client.tokenSha256().trim());
      if (digest.length == 32) {
        return digest;
      }
    } catch (IllegalArgumentException e) {
      // reported below, without echoing the value
    }
    throw new IllegalArgumentException(prefix + ".token-sha256 must be 64 hex characters");
  }
}
