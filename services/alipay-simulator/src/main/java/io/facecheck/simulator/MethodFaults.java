package io.facecheck.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Probabilities (0..1, summing to at most 1) that a call of one method gets each fault.
 *
 * @param errorAnswer an injected Alipay error answer with its own rate, or null for none
 */
public record MethodFaults(
    double systemErrorRate,
    double timeoutRate,
    @JsonProperty("http_502_rate") double http502Rate,
    double badSignatureRate,
    ErrorAnswer errorAnswer) {

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
        > 1.000_000_1) {
      throw new IllegalArgumentException("fault rates of one method must sum to at most 1");
    }
  }

  /** The four built-in faults, no error answer. */
  public MethodFaults(
      double systemErrorRate, double timeoutRate, double http502Rate, double badSignatureRate) {
    this(systemErrorRate, timeoutRate, http502Rate, badSignatureRate, null);
  }

  public static MethodFaults none() {
    return new MethodFaults(0, 0, 0, 0);
  }

  /** Only the given error answer, at its rate. */
  public static MethodFaults of(ErrorAnswer errorAnswer) {
    return new MethodFaults(0, 0, 0, 0, errorAnswer);
  }

  /** These faults plus an error answer (replacing any), drawn after the others. */
  public MethodFaults withErrorAnswer(ErrorAnswer answer) {
    return new MethodFaults(systemErrorRate, timeoutRate, http502Rate, badSignatureRate, answer);
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
    if (draw < edge + errorAnswerRate(errorAnswer)) {
      return Fault.ERROR_ANSWER;
    }
    return null;
  }

  private static double errorAnswerRate(ErrorAnswer answer) {
    return answer == null ? 0 : answer.rate();
  }
}
