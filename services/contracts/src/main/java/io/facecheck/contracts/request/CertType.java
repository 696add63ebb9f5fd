package io.facecheck.contracts.request;

/** The identity document kinds Alipay's certify API accepts. */
public enum CertType {
  IDENTITY_CARD(true),
  RESIDENCE_PERMIT_HK_MC(true),
  RESIDENCE_PERMIT_TAIWAN(true),
  HOME_VISIT_PERMIT_HK_MC(false),
  HOME_VISIT_PERMIT_TAIWAN(false),
  PERMANENT_RESIDENCE_FOREIGNER(false);

  /** What a request means when it names no cert_type. */
  public static final CertType DEFAULT = IDENTITY_CARD;

  private final boolean residentIdNumber;

  CertType(boolean residentIdNumber) {
    this.residentIdNumber = residentIdNumber;
  }

  /** True when the cert_no is an 18-character GB 11643 number with a check character. */
  public boolean usesResidentIdNumber() {
    return residentIdNumber;
  }
}
