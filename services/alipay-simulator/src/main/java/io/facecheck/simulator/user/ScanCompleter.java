package io.facecheck.simulator.user;

import io.facecheck.simulator.certification.Certification;
import io.facecheck.simulator.certification.CertificationRegistry;
import io.facecheck.simulator.http.ReturnUrlVisitor;
import io.facecheck.simulator.stats.CallStats;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;

/** Completing a scan and, like the browser following Alipay's 302, opening the return_url. */
public final class ScanCompleter {
  private final CertificationRegistry registry;
  private final ReturnUrlVisitor visitor;
  private final CallStats stats;

  public ScanCompleter(CertificationRegistry registry, ReturnUrlVisitor visitor, CallStats stats) {
    this.registry = registry;
    this.visitor = visitor;
    this.stats = stats;
  }

  /**
   * @throws NoSuchElementException for an unknown certify_id
   * @throws IllegalStateException when it already finished with the other result
   */
  public CompletableFuture<Completion> complete(
      String certifyId, boolean passed, String failReason, boolean visitReturnUrl) {
    Certification certification =
        registry
            .find(certifyId)
            .orElseThrow(() -> new NoSuchElementException("unknown certify_id"));
    if (!certification.complete(passed, failReason)) {
      throw new IllegalStateException(
          "certification already finished as " + certification.status());
    }
    String status = certification.status().name();
    if (!visitReturnUrl || certification.returnUrl().isEmpty()) {
      return CompletableFuture.completedFuture(new Completion(certifyId, status, null, null));
    }
    return visitor
        .visit(certification.returnUrl())
        .thenApply(
            visit -> {
              stats.recordReturnUrlVisit(visit.succeeded());
              return new Completion(certifyId, status, visit.status(), visit.error());
            });
  }
}
