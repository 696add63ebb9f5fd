package io.facecheck.worker.deadletter;

import io.facecheck.contracts.identity.PiiRedaction;
import io.facecheck.contracts.identity.ResidentIdNumber;

/**
 * Makes free text (exception messages, provider details) safe for logs, dead-letter headers and the
 * transitions table: the cert_name and cert_no known to be in play are replaced, and anything else
 * shaped like a resident ID number is masked.
 */
public final class PiiMask {

  static final int MAX_LENGTH = 500;

  private PiiMask() {}

  public static String mask(String text, String certName, String certNo) {
    if (text == null) {
      return "";
    }
    String masked = text;
    if (certNo != null && !certNo.isBlank()) {
      masked = masked.replace(certNo, ResidentIdNumber.mask(certNo));
    }
    if (certName != null && !certName.isBlank()) {
      masked = masked.replace(certName, "***");
    }
    masked = PiiRedaction.redact(masked);
    return masked.length() > MAX_LENGTH ? masked.substring(0, MAX_LENGTH) + "…" : masked;
  }

  /** For text where no identity is known: only ID-number-shaped strings are masked. */
  public static String mask(String text) {
    return mask(text, null, null);
  }
}
