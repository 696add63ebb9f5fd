package io.facecheck.pii;

/**
 * A sealed value could not be opened: unknown key id, truncated, tampered, or opened under another
 * context. The message names the key id, never the data.
 */
public final class PiiDecryptionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PiiDecryptionException(String message) {
    super(message);
  }

  public PiiDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
