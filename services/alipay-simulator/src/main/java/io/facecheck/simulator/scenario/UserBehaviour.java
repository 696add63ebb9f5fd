package io.facecheck.simulator.scenario;

/**
 * The automatic user: after {@code delay_ms} (plus up to {@code delay_jitter_ms}) from initialize,
 * abandons with {@code abandon_rate}; otherwise passes with {@code pass_rate} or fails with {@code
 * fail_reason}, then visits the return_url when {@code visit_return_url} (default true).
 */
public record UserBehaviour(
    boolean enabled,
    long delayMs,
    long delayJitterMs,
    Double passRate,
    double abandonRate,
    Boolean visitReturnUrl,
    String failReason) {

  public UserBehaviour {
    passRate = passRate == null ? 1.0 : passRate;
    visitReturnUrl = visitReturnUrl == null ? Boolean.TRUE : visitReturnUrl;
    if (delayMs < 0 || delayJitterMs < 0) {
      throw new IllegalArgumentException("auto_user delays must not be negative");
    }
    if (!(passRate >= 0 && passRate <= 1) || !(abandonRate >= 0 && abandonRate <= 1)) {
      throw new IllegalArgumentException("auto_user rates must be between 0 and 1");
    }
  }

  public static UserBehaviour off() {
    return new UserBehaviour(false, 0, 0, 1.0, 0, true, null);
  }

  public static UserBehaviour after(long delayMs, double passRate, double abandonRate) {
    return new UserBehaviour(true, delayMs, 0, passRate, abandonRate, true, null);
  }

  public UserBehaviour withVisitReturnUrl(boolean visit) {
    return new UserBehaviour(
        enabled, delayMs, delayJitterMs, passRate, abandonRate, visit, failReason);
  }

  public UserBehaviour withDelayJitterMs(long jitterMs) {
    return new UserBehaviour(
        enabled, delayMs, jitterMs, passRate, abandonRate, visitReturnUrl, failReason);
  }
}
