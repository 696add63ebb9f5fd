package io.facecheck.contracts.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed reference to a verification carried by the return_url facecheck gives Alipay.
 *
 * <p>A token is URL-safe base64 (no padding) of {@code version(1) | verification_id(16) | not_after
 * epoch seconds(8) | HMAC-SHA256(32)} where the MAC covers the first 25 bytes. The verification id
 * is not secret (it is in result events); the MAC is what makes a token unforgeable, so it is
 * checked before the expiry: an altered token is {@link Refusal#FORGED}, never {@link
 * Refusal#EXPIRED}. Instances are immutable and thread-safe.
 */
public final class CallbackToken {

  /** HMAC-SHA256 keys shorter than its output size weaken it; refuse them. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte VERSION = 1;
  private static final int SIGNED_LENGTH = 1 + 16 + 8;
  private static final int MAC_LENGTH = 32;
  private static final int TOKEN_LENGTH = SIGNED_LENGTH + MAC_LENGTH;

  private final SecretKeySpec key;

  /** A token codec keyed with the UTF-8 bytes of {@code secret} (at least 32 bytes). */
  public CallbackToken(String secret) {
    this(
        Objects.requireNonNull(secret, "facecheck.callback.secret")
            .getBytes(StandardCharsets.UTF_8));
  }

  public CallbackToken(byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "facecheck.callback.secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /**
   * A token naming {@code verificationId}, valid up to and including {@code notAfter} (seconds).
   */
  public String issue(UUID verificationId, Instant notAfter) {
    ByteBuffer buffer = ByteBuffer.allocate(TOKEN_LENGTH);
    buffer.put(VERSION);
    buffer.putLong(verificationId.getMostSignificantBits());
    buffer.putLong(verificationId.getLeastSignificantBits());
    buffer.putLong(notAfter.getEpochSecond());
    byte[] token = buffer.array();
    System.arraycopy(mac(token), 0, token, SIGNED_LENGTH, MAC_LENGTH);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** Checks {@code token} as of {@code now}: its MAC first, then its expiry. */
  public Check verify(String token, Instant now) {
    byte[] bytes = decode(token);
    if (bytes == null || bytes.length != TOKEN_LENGTH || bytes[0] != VERSION) {
      return new Refused(Refusal.MALFORMED);
    }
    byte[] presented = Arrays.copyOfRange(bytes, SIGNED_LENGTH, TOKEN_LENGTH);
    if (!MessageDigest.isEqual(mac(bytes), presented)) {
      return new Refused(Refusal.FORGED);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, SIGNED_LENGTH - 1);
    UUID verificationId = new UUID(buffer.getLong(), buffer.getLong());
    Instant notAfter = Instant.ofEpochSecond(buffer.getLong());
    if (now.getEpochSecond() > notAfter.getEpochSecond()) {
      return new Refused(Refusal.EXPIRED);
    }
    return new Valid(verificationId, notAfter);
  }

  private static byte[] decode(String token) {
    // a base64 token of TOKEN_LENGTH bytes is 76 characters; anything much longer is not ours
    if (token == null || token.isEmpty() || token.length() > 128) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] mac(byte[] token) {
    try {
      // Mac is not thread-safe and cheap to create; one per call keeps this class immutable
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(token, 0, SIGNED_LENGTH);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The outcome of {@link #verify}. */
  public sealed interface Check permits Valid, Refused {}

  /** The token is authentic and not expired: it names {@code verificationId}. */
  public record Valid(UUID verificationId, Instant notAfter) implements Check {}

  /** The token cannot be trusted, for {@code reason}. */
  public record Refused(Refusal reason) implements Check {}

  /** Why a token was refused. */
  public enum Refusal {
    /** Not a token at all: not base64, wrong length or unknown version. */
    MALFORMED,
    /** Well formed, but its MAC does not match: altered, or signed with another secret. */
    FORGED,
    /** Authentic, but its not-after instant has passed. */
    EXPIRED
  }
}
