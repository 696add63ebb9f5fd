package io.facecheck.simulator.encryption;

import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One app's AES key, applied as alipay-sdk-java 4.40.734's {@code AesEncrypt} does:
 * AES/CBC/PKCS5Padding with an all-zero IV, the text's bytes in the call's charset, the ciphertext
 * in standard Base64. The key is the Base64 of 16, 24 or 32 bytes, as Alipay's console shows it.
 */
public final class AesContent {
  private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[16]);

  private final SecretKeySpec key;

  private AesContent(SecretKeySpec key) {
    this.key = key;
  }

  /** Throws IllegalArgumentException unless it is the Base64 of a 128, 192 or 256-bit key. */
  public static AesContent ofBase64(String base64Key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("aes_key must be Base64", e);
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalArgumentException("aes_key must be 16, 24 or 32 bytes, got " + bytes.length);
    }
    return new AesContent(new SecretKeySpec(bytes, "AES"));
  }

  public String encrypt(String plain, Charset charset) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, key, ZERO_IV);
      return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(charset)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES encryption failed", e);
    }
  }

  /** The plain text, or IllegalArgumentException when this key cannot decrypt it. */
  public String decrypt(String base64Cipher, Charset charset) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.DECRYPT_MODE, key, ZERO_IV);
      return new String(cipher.doFinal(Base64.getMimeDecoder().decode(base64Cipher)), charset);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not decryptable with this app's AES key", e);
    }
  }

  @Override
  public String toString() {
    return "AesContent[***]";
  }
}
