package io.facecheck.worker.initiation;

import io.facecheck.worker.alipay.AttemptedCall;

/** The port to Alipay's initialize + certify URL, retried in process. */
public interface CertificationStarter {

  /** True when the app a request names is configured. */
  boolean knowsApp(String app);

  /**
   * Initializes a certification and signs its certify URL. Calling it again with the same
   * outer_order_no after an unknown outcome maps to the same certification at Alipay.
   */
  AttemptedCall<IssuedCertification> start(StartCertification command);
}
