package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.deadletter.ReplayPlan;

/** What became of one step of a replay, for its output line. */
record ReplayOutcome(ReplayPlan.Step step, Action action, String landedAt, String detail) {

  /** The first word of the text line, and the JSON {@code action}. */
  enum Action {
    REPLAYED("replayed"),
    WOULD_REPLAY("would replay"),
    SKIPPED("skipped"),
    FAILED("failed"),
    NOT_SENT("not sent");

    private final String text;

    Action(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }

    String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static ReplayOutcome skipped(ReplayPlan.Step step) {
    return new ReplayOutcome(step, Action.SKIPPED, null, step.skipped());
  }
}
