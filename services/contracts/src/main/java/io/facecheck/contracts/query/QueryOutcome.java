package io.facecheck.contracts.query;

/** What Alipay answered to alipay.user.certify.open.query. */
public enum QueryOutcome {
  /** passed = T. */
  PASSED,
  /** passed = F: the user failed, or has not finished yet. */
  NOT_PASSED,
  /** 40004 for a certify_id Alipay does not know. */
  NOT_FOUND
}
