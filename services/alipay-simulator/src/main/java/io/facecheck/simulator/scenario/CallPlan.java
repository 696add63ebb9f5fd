package io.facecheck.simulator.scenario;

/**
 * What the scenario decided for one call.
 *
 * @param fault the injected fault, or null
 * @param outage whether the fault comes from an outage window
 * @param delayMs how long to hold the response; -1 means never answer
 * @param errorAnswer what to answer when the fault is {@link Fault#ERROR_ANSWER}, else null
 * @param unsignedError what to answer when the fault is {@link Fault#UNSIGNED_ERROR}, else null
 */
public record CallPlan(
    Fault fault,
    boolean outage,
    long delayMs,
    ErrorAnswer errorAnswer,
    UnsignedError unsignedError) {
  public static final CallPlan NORMAL = new CallPlan(null, false, 0);

  public CallPlan(Fault fault, boolean outage, long delayMs) {
    this(fault, outage, delayMs, null, null);
  }
}
