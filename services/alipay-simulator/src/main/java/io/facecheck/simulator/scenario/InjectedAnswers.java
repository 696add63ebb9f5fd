package io.facecheck.simulator.scenario;

import java.util.regex.Pattern;

/** The checks every injected gateway answer with a configured code and sub_code must pass. */
final class InjectedAnswers {
  private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

  private InjectedAnswers() {}

  /**
   * @param fault the scenario field, named in the message of a refused value
   */
  static void check(String fault, double rate, String code, String subCode) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(fault + ": rate must be between 0 and 1");
    }
    if (code == null || !FIVE_DIGITS.matcher(code).matches()) {
      throw new IllegalArgumentException(
          fault
              + ": code must be 5 digits, e.g. \"40006\", got "
              + (code == null ? "none" : "\"" + code + "\""));
    }
    if (subCode == null || subCode.isBlank()) {
      throw new IllegalArgumentException(
          fault + ": sub_code is required, e.g. \"isv.insufficient-isv-permissions\"");
    }
  }
}
