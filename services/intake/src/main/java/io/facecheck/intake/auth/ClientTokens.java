package io.facecheck.intake.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured bearer tokens, kept only as SHA-256 digests. A presented token is hashed and
 * compared against every digest in constant time, so neither a token's content nor which client it
 * almost matched leaks through timing.
 */
public final class ClientTokens {

  private static final HexFormat HEX = HexFormat.of();

  private final List<Entry> entries;

  private ClientTokens(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * @param digestsByClient SHA-256 of each client's token, by client_id
   * @throws IllegalArgumentException if two clients share a token
   */
  public static ClientTokens ofDigests(Map<String, byte[]> digestsByClient) {
    Map<String, String> seen = new LinkedHashMap<>();
    digestsByClient.forEach(
        (client, digest) -> {
          String previous = seen.putIfAbsent(HEX.formatHex(digest), client);
          if (previous != null) {
            throw new IllegalArgumentException(
                "clients " + previous + " and " + client + " share a bearer token");
          }
        });
    return new ClientTokens(
        digestsByClient.entrySet().stream()
            .map(e -> new Entry(e.getKey(), e.getValue().clone()))
            .toList());
  }

  /** The client whose token this is, if any. */
  public Optional<AuthenticatedClient> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    String match = null;
    for (Entry entry : entries) {
      // no early exit: every request costs the same number of comparisons
      if (MessageDigest.isEqual(entry.digest(), presented)) {
        match = entry.clientId();
      }
    }
    return Optional.ofNullable(match).map(AuthenticatedClient::new);
  }

  public int size() {
    return entries.size();
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private record Entry(String clientId, byte[] digest) {}
}
