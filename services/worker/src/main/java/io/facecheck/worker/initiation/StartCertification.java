package io.facecheck.worker.initiation;

import io.facecheck.contracts.request.BizCode;
import io.facecheck.contracts.request.CertType;
import java.util.Objects;

/**
 * What initialize needs. Holds PII (cert_name, cert_no) only on its way to Alipay: {@link
 * #toString()} masks it.
 */
public record StartCertification(
    String app,
    String outerOrderNo,
    BizCode bizCode,
    CertType certType,
    String certName,
    String certNo,
    String returnUrl) {

  public StartCertification {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(outerOrderNo, "outerOrderNo");
    Objects.requireNonNull(bizCode, "bizCode");
    Objects.requireNonNull(certType, "certType");
    Objects.requireNonNull(returnUrl, "returnUrl");
  }

  @Override
  public String toString() {
    return "StartCertification[app=%s, outerOrderNo=%s, bizCode=%s, certType=%s, certName=***, certNo=***]"
        .formatted(app, outerOrderNo, bizCode, certType);
  }
}
