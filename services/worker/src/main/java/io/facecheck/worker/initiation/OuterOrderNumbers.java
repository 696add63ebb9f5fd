package io.facecheck.worker.initiation;

import java.util.UUID;

/**
 * The outer_order_no sent to Alipay: the verification id's 32 hex digits. Derived, never drawn, so
 * every re-drive of one verification (a retry after a read timeout, a redelivered record, an ops
 * replay) sends the same number and maps to the same certification at Alipay.
 */
public final class OuterOrderNumbers {

  private OuterOrderNumbers() {}

  public static String of(UUID verificationId) {
    return verificationId.toString().replace("-", "");
  }
}
