package io.facecheck.contracts.request;

/** Alipay's verification product, passed through as {@code biz_code}. */
public enum BizCode {
  FACE,
  CERT_PHOTO,
  CERT_PHOTO_FACE,
  SMART_FACE
}
