package io.facecheck.simulator.page;

import io.facecheck.simulator.certification.Certification;

/** Renders the pages a user's browser sees. */
public final class CertifyPage {
  public static final String SUBMIT_PATH = "/certify/submit";

  private CertifyPage() {}

  public static String scan(Certification certification) {
    return page(
        "支付宝身份验证 (simulated face scan)",
        "<p>Certification <code>"
            + escape(certification.certifyId())
            + "</code> is waiting for the face scan.</p>\n"
            + "<form method=\"post\" action=\""
            + SUBMIT_PATH
            + "\">\n"
            + hidden("certify_id", certification.certifyId())
            + hidden("page_token", certification.pageToken())
            + "<button id=\"pass\" type=\"submit\" name=\"result\" value=\"pass\">pass</button>\n"
            + "<button id=\"fail\" type=\"submit\" name=\"result\" value=\"fail\">fail</button>\n"
            + "</form>");
  }

  public static String finished(Certification certification) {
    return page(
        "支付宝身份验证",
        "<p id=\"finished\">This certification has already finished: "
            + escape(certification.status().name())
            + ".</p>");
  }

  /** Where the user lands when the merchant gave no return_url. */
  public static String done(String status) {
    return page(
        "支付宝身份验证",
        "<p id=\"done\">Verification " + escape(status) + ". You may close this page.</p>");
  }

  public static String error(String code, String subCode, String subMsg) {
    return page(
        "支付宝身份验证: error",
        "<p id=\"error\">"
            + escape(code)
            + " "
            + escape(subCode)
            + "</p>\n<p>"
            + escape(subMsg)
            + "</p>");
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">\n";
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head>\n<body>\n<h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "\n</body></html>\n";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
