package io.facecheck.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Probabilities (0..1, summing to at most 1) that a call of one method gets each fault.
 *
 * @param errorAnswer an injected, signed Alipay error answer with its own rate, or null for none
 * @param unsignedError an injected error answer without a valid signature, with its own rate, or
 *     null for none
 */
public record MethodFaults(
    double systemErrorRate,
    double timeoutRate,
    @JsonProperty("http_502_rate") double http502Rate,
    double badSignatureRate,
    ErrorAnswer errorAnswer,
    UnsignedError unsignedError) {

  public MethodFaults {
    for (double rate : new double[] {systemErrorRate, timeoutRate, http502Rate, badSignatureRate}) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("fault rates must be between 0 and 1");
      }
    }
    if (systemErrorRate
            + timeoutRate
            + http502Rate
            + badSignatureRate
            + errorAnswerRate(errorAnswer)
            + unsignedErrorRate(unsignedError)
        > 1.000_000_1) {
      throw new IllegalArgumentException("fault rates of one method must sum to at most 1");
    }
  }

  /** The four built-in faults and an error answer, no unsigned error. */
  public MethodFaults(
      double systemErrorRate,
      double timeoutRate,
      double http502Rate,
      double badSignatureRate,
      ErrorAnswer errorAnswer) {
    this(systemErrorRate, timeoutRate, http502Rate, badSignatureRate, errorAnswer, null);
  }

  /** The four built-in faults, no error answer. */
  public MethodFaults(
      double systemErrorRate, double timeoutRate, double http502Rate, double badSignatureRate) {
    this(systemErrorRate, timeoutRate, http502Rate, badSignatureRate, null, null);
  }

  public static MethodFaults none() {
    return new MethodFaults(0, 0, 0, 0);
  }

  /** Only the given error answer, at its rate. */
  public static MethodFaults of(ErrorAnswer errorAnswer) {
    return new MethodFaults(0, 0, 0, 0, errorAnswer, null);
  }

  /** Only the given unsigned error answer, at its rate. */
  public static MethodFaults of(UnsignedError unsignedError) {
    return new MethodFaults(0, 0, 0, 0, null, unsignedError);
  }

  /** These faults plus an error answer (replacing any), drawn after the others. */
  public MethodFaults withErrorAnswer(ErrorAnswer answer) {
    return new MethodFaults(
        systemErrorRate, timeoutRate, http502Rate, badSignatureRate, answer, unsignedError);
  }

  /** These faults plus an unsigned error answer (replacing any), drawn last. */
  public MethodFaults withUnsignedError(UnsignedError answer) {
    return new MethodFaults(
        systemErrorRate, timeoutRate, http502Rate, badSignatureRate, errorAnswer, answer);
  }

  public static MethodFaults of(Fault fault, double rate) {
    return switch (fault) {
      case SYSTEM_ERROR -> new MethodFaults(rate, 0, 0, 0);
      case TIMEOUT -> new MethodFaults(0, rate, 0, 0);
      case HTTP_502 -> new MethodFaults(0, 0, rate, 0);
      case BAD_SIGNATURE -> new MethodFaults(0, 0, 0, rate);
      case ERROR_ANSWER ->
          throw new IllegalArgumentException(
              "error_answer needs a code and sub_code: use MethodFaults.of(ErrorAnswer)");
      case UNSIGNED_ERROR ->
          throw new IllegalArgumentException(
              "unsigned_error needs a code and sub_code: use MethodFaults.of(UnsignedError)");
    };
  }

  /** The fault a uniform draw in [0,1) selects, or null for none. */
  public Fault pick(double draw) {
    double edge = systemErrorRate;
    if (draw < edge) {
      return Fault.SYSTEM_ERROR;
    }
    if (draw < (edge += timeoutRate)) {
      return Fault.TIMEOUT;
    }
    if (draw < (edge += http502Rate)) {
      return Fault.HTTP_502;
    }
    if (draw < (edge += badSignatureRate)) {
      return Fault.BAD_SIGNATURE;
    }
    if (draw < (edge += errorAnswerRate(errorAnswer))) {
      return Fault.ERROR_ANSWER;
    }
    if (draw < edge + unsignedErrorRate(unsignedError)) {
      return Fault.UNSIGNED_ERROR;
    }
    return null;
  }

  private static double errorAnswerRate(ErrorAnswer answer) {
    return answer == null ? 0 : answer.rate();
  }

  private static double unsignedErrorRate(UnsignedError answer) {
    return answer == null ? 0 : answer.rate();
  }
}
