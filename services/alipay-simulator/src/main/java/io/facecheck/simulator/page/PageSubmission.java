package io.facecheck.simulator.page;

import io.facecheck.simulator.certification.Certification;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.http.IncomingRequest;
import io.facecheck.simulator.http.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page's form post: records pass or fail, then sends the browser to the return_url with a 302.
 */
public final class PageSubmission {
  private final CertificationRegistry registry;

  public PageSubmission(CertificationRegistry registry) {
    this.registry = registry;
  }

  public Reply handle(IncomingRequest request) {
    if (!"POST".equals(request.method())) {
      return Reply.html(405, CertifyPage.error("405", "method-not-allowed", "POST the form"));
    }
    Map<String, String> form;
    try {
      form = decode(new String(request.body(), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Reply.html(400, CertifyPage.error("400", "bad-form", "the form could not be read"));
    }
    String result = form.getOrDefault("result", "");
    Optional<Certification> found = registry.find(form.get("certify_id"));
    if (found.isEmpty() || !found.get().pageToken().equals(form.get("page_token"))) {
      return Reply.html(403, CertifyPage.error("403", "invalid-page", "unknown certification"));
    }
    if (!result.equals("pass") && !result.equals("fail")) {
      return Reply.html(400, CertifyPage.error("400", "bad-form", "result must be pass or fail"));
    }
    Certification certification = found.get();
    // a second submission (back button, double click) keeps the first result and still redirects
    certification.complete(result.equals("pass"), null);
    if (certification.returnUrl().isEmpty()) {
      return Reply.html(200, CertifyPage.done(certification.status().name()));
    }
    return Reply.redirect(certification.returnUrl());
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.putIfAbsent(
            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }
}
