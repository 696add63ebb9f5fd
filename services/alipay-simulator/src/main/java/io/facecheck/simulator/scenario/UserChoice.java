package io.facecheck.simulator.scenario;

/** What the automatic user does with one certification, and when. */
public record UserChoice(Action action, long delayMs, boolean visitReturnUrl, String failReason) {
  public enum Action {
    PASS,
    FAIL,
    ABANDON
  }
}
