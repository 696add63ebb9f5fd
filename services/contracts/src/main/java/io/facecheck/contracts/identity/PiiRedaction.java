package io.facecheck.contracts.identity;

import java.util.regex.Pattern;

/**
 * Redacts identity data from free text that may quote a request: the Alipay SDK's error messages
 * and the gateway's {@code sub_msg} can echo the signed {@code biz_content}, which holds cert_name
 * and cert_no. Names cannot be recognised by shape, so they are redacted by the field that carries
 * them; ID numbers are masked wherever they appear.
 */
public final class PiiRedaction {

  // "cert_name":"…" in JSON (also with \" escapes inside) and cert_name=… in form-style text
  private static final Pattern JSON_CERT_NAME =
      Pattern.compile("(\\\\?\"cert_name\\\\?\"\\s*:\\s*\\\\?\")((?:[^\"\\\\]|\\\\.)*?)(\\\\?\")");
  private static final Pattern FORM_CERT_NAME = Pattern.compile("(cert_name=)([^&,;\\s]*)");

  private PiiRedaction() {}

  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String redacted = JSON_CERT_NAME.matcher(text).replaceAll("$1***$3");
    redacted = FORM_CERT_NAME.matcher(redacted).replaceAll("$1***");
    return ResidentIdNumber.maskWithin(redacted);
  }
}
