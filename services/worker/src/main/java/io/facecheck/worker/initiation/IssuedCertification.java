package io.facecheck.worker.initiation;

/** Alipay's certify_id and the signed URL the user opens to verify. */
public record IssuedCertification(String certifyId, String certifyUrl) {}
