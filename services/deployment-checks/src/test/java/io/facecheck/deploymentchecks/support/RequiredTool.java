package io.facecheck.deploymentchecks.support;

import org.junit.jupiter.api.Assumptions;

/**
 * A tool a check needs (kubectl, node and its schema packages). Missing outside CI, the check is
 * skipped with a message saying what to install; missing in CI (environment variable CI=true, as
 * .ci/run sets it), the check fails: CI must run every check.
 */
public final class RequiredTool {

  private RequiredTool() {}

  public static boolean inCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Skips (outside CI) or fails (in CI) the calling test when {@code available} is false. */
  public static void require(boolean available, String whatIsMissing, String howToInstall) {
    if (available) {
      return;
    }
    String message = whatIsMissing + " - " + howToInstall;
    if (inCi()) {
      throw new AssertionError("required in CI: " + message);
    }
    // the reason in the build log, not only in the surefire report
    System.err.println("deployment-checks: skipped outside CI: " + message);
    Assumptions.abort("skipped outside CI: " + message);
  }
}
