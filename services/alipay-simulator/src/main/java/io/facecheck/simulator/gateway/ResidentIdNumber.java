package io.facecheck.simulator.gateway;

/**
 * The mainland resident ID check (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character.
 */
final class ResidentIdNumber {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  private ResidentIdNumber() {}

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
