package io.facecheck.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A failure the simulator can inject into a gateway call. */
public enum Fault {
  /** 20000 isp.unknow-error, signed, HTTP 200; the call is not processed. */
  @JsonProperty("system_error")
  SYSTEM_ERROR,
  /** The call is processed but its response is held past the client's read timeout. */
  @JsonProperty("timeout")
  TIMEOUT,
  /** HTTP 502 from "a proxy in front of the gateway"; the call is not processed. */
  @JsonProperty("http_502")
  HTTP_502,
  /** The call is processed, and the response's sign does not match its content. */
  @JsonProperty("bad_signature")
  BAD_SIGNATURE,
  /**
   * A signed HTTP 200 Alipay error with a configured code and sub_code ({@link ErrorAnswer}); the
   * call is not processed. Per method only: an outage cannot carry it.
   */
  @JsonProperty("error_answer")
  ERROR_ANSWER,
  /**
   * An HTTP 200 Alipay error with a configured code and sub_code and no valid signature ({@link
   * UnsignedError}): a forgery. The call is not processed. Per method only: an outage cannot carry
   * it.
   */
  @JsonProperty("unsigned_error")
  UNSIGNED_ERROR;

  /** The name used in scenario JSON and as a stats outcome. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
