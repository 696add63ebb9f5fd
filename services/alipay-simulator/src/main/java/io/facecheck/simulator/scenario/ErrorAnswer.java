package io.facecheck.simulator.scenario;

/**
 * An injected Alipay error answer: HTTP 200, signed, with this {@code code} (its msg from the
 * simulator's table) and {@code sub_code}; the call is not processed. Produces the answers the
 * simulator never gives by itself (40006 permissions, 20001 auth token, 40003 auth relations, …).
 *
 * @param rate probability 0..1 that a call gets it, drawn with the method's other faults
 * @param code five digits, not 10000 (that is success)
 * @param subCode non-empty, e.g. {@code isv.insufficient-isv-permissions}
 * @param subMsg optional; the code's msg when absent
 */
public record ErrorAnswer(double rate, String code, String subCode, String subMsg) {

  public ErrorAnswer {
    InjectedAnswers.check("error_answer", rate, code, subCode);
    if ("10000".equals(code)) {
      throw new IllegalArgumentException("error_answer: code 10000 is success, not an error");
    }
  }

  public static ErrorAnswer of(double rate, String code, String subCode) {
    return new ErrorAnswer(rate, code, subCode, null);
  }

  public ErrorAnswer withRate(double newRate) {
    return new ErrorAnswer(newRate, code, subCode, subMsg);
  }

  public ErrorAnswer withSubMsg(String newSubMsg) {
    return new ErrorAnswer(rate, code, subCode, newSubMsg);
  }
}
