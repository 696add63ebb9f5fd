package io.facecheck.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An injected Alipay error answer that carries no valid signature: what anyone on the path (a
 * proxy, a spoofed DNS name) can send without Alipay's private key. HTTP 200, {@code
 * {"<method>_response":{"code","msg","sub_code","sub_msg"}}}, the call not processed. Because it
 * has a sub_code, the SDK counts it as an error and, when no {@code sign} comes with it, returns it
 * without checking any signature: clients must not believe it.
 *
 * @param rate probability 0..1 that a call gets it, drawn with the method's other faults
 * @param code five digits; even 10000, which with a sub_code is still an error to the SDK
 * @param subCode non-empty, e.g. {@code CERTIFY_ID_NOT_EXIST}
 * @param subMsg optional; the code's msg when absent
 * @param sign how the signature is missing; {@link ForgedSign#ABSENT} when null
 */
public record UnsignedError(
    double rate, String code, String subCode, String subMsg, ForgedSign sign) {

  /** How an unsigned error answer lacks its signature. */
  public enum ForgedSign {
    /** No {@code sign} member at all: the SDK checks nothing. */
    @JsonProperty("absent")
    ABSENT,
    /** {@code "sign":""}: the SDK treats it as absent and checks nothing. */
    @JsonProperty("empty")
    EMPTY,
    /** A {@code sign} that does not verify: the SDK checks it and throws "sign check fail". */
    @JsonProperty("wrong")
    WRONG,
    /**
     * Alipay's genuine signature of another node, replayed: {@code {"error_response":{<the forged
     * error>,"<method>_response":<a signed success node>},"sign":"<its valid sign>"}}. The SDK
     * verifies the nested node (the first {@code <method>_response} it finds) but reads its fields
     * from the outer one, so it returns the forged error as verified.
     */
    @JsonProperty("replayed")
    REPLAYED
  }

  public UnsignedError {
    InjectedAnswers.check("unsigned_error", rate, code, subCode);
    sign = sign == null ? ForgedSign.ABSENT : sign;
  }

  /** No sign member, the code's msg as sub_msg. */
  public static UnsignedError of(double rate, String code, String subCode) {
    return new UnsignedError(rate, code, subCode, null, ForgedSign.ABSENT);
  }

  public UnsignedError withRate(double newRate) {
    return new UnsignedError(newRate, code, subCode, subMsg, sign);
  }

  public UnsignedError withSubMsg(String newSubMsg) {
    return new UnsignedError(rate, code, subCode, newSubMsg, sign);
  }

  public UnsignedError withSign(ForgedSign newSign) {
    return new UnsignedError(rate, code, subCode, subMsg, newSign);
  }
}
