package io.facecheck.ops.deadletter;

import io.facecheck.ops.console.Terminal;
import io.facecheck.ops.pacing.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A replay of more than one record is confirmed first: the operator sees how many records per
 * dead-letter topic and reason would go back, and answers y/N on the terminal. {@code --yes}
 * confirms ahead; without a terminal and without it the replay is refused, since a question nobody
 * sees must not hang a CI job, nor be taken as a yes.
 */
public final class ReplayConfirmation {

  /** What the operator decided, or why nobody could be asked. */
  public enum Verdict {
    PROCEED,
    DECLINED,
    NEEDS_YES
  }

  private ReplayConfirmation() {}

  /**
   * @param show where the summary goes before the question (stderr: stdout stays the result)
   */
  public static Verdict decide(
      List<ReplayPlan.Step> steps,
      boolean yes,
      boolean dryRun,
      Rate rate,
      Terminal terminal,
      Consumer<String> show) {
    long publishing = steps.stream().filter(ReplayPlan.Step::publishes).count();
    if (dryRun || yes || publishing <= 1) {
      return Verdict.PROCEED;
    }
    if (!terminal.interactive()) {
      return Verdict.NEEDS_YES;
    }
    summary(steps, rate).forEach(show);
    String answer = terminal.ask("Replay " + publishing + " dead letters? [y/N] ");
    if (answer == null) {
      return Verdict.DECLINED;
    }
    String a = answer.strip().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes") ? Verdict.PROCEED : Verdict.DECLINED;
  }

  /** Records that would be published, per dead-letter topic, then per reason. */
  public static Map<String, Map<String, Integer>> counts(List<ReplayPlan.Step> steps) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (ReplayPlan.Step step : steps) {
      if (step.publishes()) {
        DeadLetterRecord record = step.candidate().record();
        String reason = record.reason() == null ? "(no reason)" : record.reason();
        counts.computeIfAbsent(record.topic(), t -> new TreeMap<>()).merge(reason, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** What the operator reads before answering. */
  public static List<String> summary(List<ReplayPlan.Step> steps, Rate rate) {
    Map<String, Map<String, Integer>> counts = counts(steps);
    long total = steps.stream().filter(ReplayPlan.Step::publishes).count();
    long skipped = steps.size() - total;
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "dlt replay would publish %d dead letters at %s (about %.0f s)%s:",
            total,
            rate,
            total / rate.perSecond(),
            skipped == 0 ? "" : ", skipping " + skipped));
    counts.forEach(
        (topic, reasons) ->
            reasons.forEach(
                (reason, n) -> lines.add(String.format("  %-32s %-24s %d", topic, reason, n))));
    return lines;
  }

  /** Why a bulk replay was refused off a terminal, and how to run it. */
  public static String needsYes(List<ReplayPlan.Step> steps) {
    long total = steps.stream().filter(ReplayPlan.Step::publishes).count();
    return "refused: dlt replay would publish "
        + total
        + " dead letters and there is no terminal to confirm on; look first with --dry-run, then"
        + " run it again with --yes";
  }
}
