package io.facecheck.simulator.certification;

import java.time.Instant;

/**
 * One certification. It keeps no identity data: the simulator needs none of the user's PII to
 * answer, so it holds none.
 */
public final class Certification {
  private final String certifyId;
  private final String appId;
  private final String outerOrderNo;
  private final String returnUrl;
  private final String pageToken;
  private final Instant createdAt;
  private CertificationStatus status = CertificationStatus.INIT;
  private String failReason;

  Certification(
      String certifyId,
      String appId,
      String outerOrderNo,
      String returnUrl,
      String pageToken,
      Instant createdAt) {
    this.certifyId = certifyId;
    this.appId = appId;
    this.outerOrderNo = outerOrderNo;
    this.returnUrl = returnUrl;
    this.pageToken = pageToken;
    this.createdAt = createdAt;
  }

  /**
   * Completes the scan. Returns false when it already ended differently (the first result wins).
   */
  public synchronized boolean complete(boolean passed, String reason) {
    CertificationStatus target = passed ? CertificationStatus.PASSED : CertificationStatus.FAILED;
    if (status.isFinal()) {
      return status == target;
    }
    status = target;
    failReason = passed ? null : reason;
    return true;
  }

  /** The user walks away; only an unfinished certification can be abandoned. */
  public synchronized boolean abandon() {
    if (status != CertificationStatus.INIT) {
      return false;
    }
    status = CertificationStatus.ABANDONED;
    return true;
  }

  public synchronized CertificationStatus status() {
    return status;
  }

  public synchronized String failReason() {
    return failReason;
  }

  public String certifyId() {
    return certifyId;
  }

  public String appId() {
    return appId;
  }

  public String outerOrderNo() {
    return outerOrderNo;
  }

  /** Empty when the merchant gave none. */
  public String returnUrl() {
    return returnUrl;
  }

  /** Proves a page submission came from the page this certification rendered. */
  public String pageToken() {
    return pageToken;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
