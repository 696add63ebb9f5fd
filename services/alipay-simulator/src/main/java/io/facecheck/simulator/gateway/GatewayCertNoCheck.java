package io.facecheck.simulator.gateway;

/**
 * The gateway's own check of an identity card's cert_no, as Alipay refuses a malformed one: the
 * mainland resident ID (GB 11643), 17 digits and an ISO 7064 MOD 11-2 check character. The
 * simulator shares no code with facecheck on purpose (it stands in for Alipay), so this is not
 * facecheck-contracts' ResidentIdNumber.
 */
final class GatewayCertNoCheck {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private GatewayCertNoCheck() {}

  static boolean isValid(String certNo) {
    if (certNo == null || certNo.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = certNo.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return Character.toUpperCase(certNo.charAt(17)) == CHECK[sum % 11];
  }
}
