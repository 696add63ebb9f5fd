package io.facecheck.worker.query;

import io.facecheck.worker.alipay.AttemptedCall;

/** The port to alipay.user.certify.open.query, retried in process. */
public interface CertificationQuery {

  boolean knowsApp(String app);

  AttemptedCall<QueryAnswer> query(String app, String certifyId);
}
