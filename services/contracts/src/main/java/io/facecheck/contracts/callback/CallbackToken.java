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
 * epoch seconds(8) | [v2: return_url length(2) | return_url UTF-8] | HMAC-SHA256(32)} where the MAC
 * covers everything before it. Version 2 carries the business service's return_url, so intake can
 * send the browser on without reading PostgreSQL (a return must not be lost to a database pause);
 * version 1 tokens, issued before, still verify and need a lookup. The verification id is not
 * secret (it is in result events); the MAC is what makes a token unforgeable, so it is checked
 * before the expiry: an altered token is {@link Refusal#FORGED}, never {@link Refusal#EXPIRED}.
 * Instances are immutable and thread-safe.
 */
public final class CallbackToken {

  /** HMAC-SHA256 keys shorter than its output size weaken it; refuse them. */
  public static final int MIN_SECRET_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte VERSION_1 = 1;
  private static final byte VERSION_2 = 2;
  private static final int HEADER_LENGTH = 1 + 16 + 8;
  private static final int MAC_LENGTH = 32;
  private static final int V1_LENGTH = HEADER_LENGTH + MAC_LENGTH;

  /** The longest return_url a token carries (the request schema's limit). */
  public static final int MAX_RETURN_URL_BYTES = 4 * 2048;

  private static final int MAX_TOKEN_CHARS =
      (HEADER_LENGTH + 2 + MAX_RETURN_URL_BYTES + MAC_LENGTH) * 4 / 3 + 4;

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
   * A version 1 token naming {@code verificationId}, valid up to and including {@code notAfter}
   * (seconds). Its callback needs a database lookup to find where to send the browser.
   */
  public String issue(UUID verificationId, Instant notAfter) {
    return seal(header(VERSION_1, verificationId, notAfter, 0).array());
  }

  /**
   * A version 2 token that also carries the business service's {@code returnUrl}, so the callback
   * can send the browser on without a database.
   */
  public String issue(UUID verificationId, Instant notAfter, String returnUrl) {
    byte[] url = Objects.requireNonNull(returnUrl, "returnUrl").getBytes(StandardCharsets.UTF_8);
    if (url.length > MAX_RETURN_URL_BYTES) {
      throw new IllegalArgumentException("return_url is longer than " + MAX_RETURN_URL_BYTES);
    }
    ByteBuffer buffer = header(VERSION_2, verificationId, notAfter, 2 + url.length);
    buffer.putShort((short) url.length);
    buffer.put(url);
    return seal(buffer.array());
  }

  private static ByteBuffer header(byte version, UUID id, Instant notAfter, int extra) {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + extra + MAC_LENGTH);
    buffer.put(version);
    buffer.putLong(id.getMostSignificantBits());
    buffer.putLong(id.getLeastSignificantBits());
    buffer.putLong(notAfter.getEpochSecond());
    return buffer;
  }

  private String seal(byte[] token) {
    int signed = token.length - MAC_LENGTH;
    System.arraycopy(mac(token, signed), 0, token, signed, MAC_LENGTH);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** Checks {@code token} as of {@code now}: its MAC first, then its expiry. */
  public Check verify(String token, Instant now) {
    byte[] bytes = decode(token);
    if (bytes == null || bytes.length < V1_LENGTH || !wellFormed(bytes)) {
      return new Refused(Refusal.MALFORMED);
    }
    int signed = bytes.length - MAC_LENGTH;
    byte[] presented = Arrays.copyOfRange(bytes, signed, bytes.length);
    if (!MessageDigest.isEqual(mac(bytes, signed), presented)) {
      return new Refused(Refusal.FORGED);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, signed - 1);
    UUID verificationId = new UUID(buffer.getLong(), buffer.getLong());
    Instant notAfter = Instant.ofEpochSecond(buffer.getLong());
    if (now.getEpochSecond() > notAfter.getEpochSecond()) {
      return new Refused(Refusal.EXPIRED);
    }
    String returnUrl = null;
    if (bytes[0] == VERSION_2) {
      byte[] url = new byte[Short.toUnsignedInt(buffer.getShort())];
      buffer.get(url);
      returnUrl = new String(url, StandardCharsets.UTF_8);
    }
    return new Valid(verificationId, notAfter, returnUrl);
  }

  private static boolean wellFormed(byte[] bytes) {
    if (bytes[0] == VERSION_1) {
      return bytes.length == V1_LENGTH;
    }
    if (bytes[0] == VERSION_2 && bytes.length >= V1_LENGTH + 2) {
      int urlLength = ((bytes[HEADER_LENGTH] & 0xff) << 8) | (bytes[HEADER_LENGTH + 1] & 0xff);
      return bytes.length == V1_LENGTH + 2 + urlLength;
    }
    return false;
  }

  private static byte[] decode(String token) {
    // anything longer than the longest token we issue is not ours: refuse before decoding
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] mac(byte[] token, int signedLength) {
    try {
      // Mac is not thread-safe and cheap to create; one per call keeps this class immutable
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(token, 0, signedLength);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The outcome of {@link #verify}. */
  public sealed interface Check permits Valid, Refused {}

  /**
   * The token is authentic and not expired: it names {@code verificationId}, and (version 2) the
   * business service's {@code returnUrlOrNull}.
   */
  public record Valid(UUID verificationId, Instant notAfter, String returnUrlOrNull)
      implements Check {}

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
