package io.facecheck.statemachine;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.contracts.request.CertType;

/**
 * A decrypted identity, for the one call that sends it to Alipay. {@link #toString()} masks it, so
 * an accidental log line leaks nothing.
 */
public record OpenedIdentity(CertType certType, String certName, String certNo) {

  @Override
  public String toString() {
    return "OpenedIdentity[certType=" + certType + ", certName=***, certNo=" + maskedCertNo() + "]";
  }

  private String maskedCertNo() {
    return certType.usesResidentIdNumber() ? ResidentIdNumber.mask(certNo) : "***";
  }
}
