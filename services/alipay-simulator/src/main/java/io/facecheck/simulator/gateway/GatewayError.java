package io.facecheck.simulator.gateway;

import io.facecheck.simulator.scenario.ErrorAnswer;
import io.facecheck.simulator.scenario.UnsignedError;
import java.util.Map;

/** An Alipay error: top-level code and msg, plus the sub_code that callers branch on. */
public record GatewayError(String code, String msg, String subCode, String subMsg) {

  /** Alipay's public gateway codes and their msg, as the gateway sends them. */
  private static final Map<String, String> MSGS =
      Map.of(
          "20000", "Service Currently Unavailable",
          "20001", "Insufficient Token Permissions",
          "40001", "Missing Required Arguments",
          "40002", "Invalid Arguments",
          "40003", "Insufficient Conditions",
          "40004", "Business Failed",
          "40006", "Insufficient Permissions");

  static final String UNKNOWN_CODE_MSG = "Unknown Error";

  /** The msg Alipay sends with a code; codes outside its public table get "Unknown Error". */
  static String msgFor(String code) {
    return MSGS.getOrDefault(code, UNKNOWN_CODE_MSG);
  }

  /** A scenario's injected error answer; sub_msg defaults to the code's msg. */
  static GatewayError injected(ErrorAnswer answer) {
    String msg = msgFor(answer.code());
    return new GatewayError(
        answer.code(), msg, answer.subCode(), answer.subMsg() == null ? msg : answer.subMsg());
  }

  /** A scenario's forged, unsigned error answer; sub_msg defaults to the code's msg. */
  static GatewayError forged(UnsignedError answer) {
    String msg = msgFor(answer.code());
    return new GatewayError(
        answer.code(), msg, answer.subCode(), answer.subMsg() == null ? msg : answer.subMsg());
  }

  static GatewayError missing(String subCode, String subMsg) {
    return new GatewayError("40001", msgFor("40001"), subCode, subMsg);
  }

  static GatewayError invalid(String subCode, String subMsg) {
    return new GatewayError("40002", msgFor("40002"), subCode, subMsg);
  }

  static GatewayError business(String subCode, String subMsg) {
    return new GatewayError("40004", msgFor("40004"), subCode, subMsg);
  }

  static GatewayError systemError() {
    return new GatewayError("20000", msgFor("20000"), "isp.unknow-error", "系统繁忙，请稍后重试");
  }
}
