package io.facecheck.simulator.gateway;

/** An Alipay error: top-level code and msg, plus the sub_code that callers branch on. */
public record GatewayError(String code, String msg, String subCode, String subMsg) {

  static GatewayError missing(String subCode, String subMsg) {
    return new GatewayError("40001", "Missing Required Arguments", subCode, subMsg);
  }

  static GatewayError invalid(String subCode, String subMsg) {
    return new GatewayError("40002", "Invalid Arguments", subCode, subMsg);
  }

  static GatewayError business(String subCode, String subMsg) {
    return new GatewayError("40004", "Business Failed", subCode, subMsg);
  }

  static GatewayError systemError() {
    return new GatewayError(
        "20000", "Service Currently Unavailable", "isp.unknow-error", "系统繁忙，请稍后重试");
  }
}
