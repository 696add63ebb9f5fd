package io.facecheck.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.facecheck.ops.console.ScriptedTerminal;
import io.facecheck.ops.console.Terminal;
import io.facecheck.ops.deadletter.ReplayConfirmation.Verdict;
import io.facecheck.ops.pacing.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayConfirmationTest {

  private static final Rate RATE = Rate.parse("100/s");
  private final List<String> shown = new ArrayList<>();

  /** Distinct requests, so the plan replays each; one without an original topic is skipped. */
  private static List<ReplayPlan.Step> steps(int publishing, String reason) {
    List<ReplayPlan.Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < publishing; i++) {
      candidates.add(
          new ReplayPlan.Candidate(
              Records.deadLetter(
                  i, "r-" + i, Records.request("r-" + i), reason, "verification-requests"),
              Optional.empty()));
    }
    candidates.add(
        new ReplayPlan.Candidate(
            Records.deadLetter(99, "h", Records.request("h"), reason, null), Optional.empty()));
    return ReplayPlan.of(candidates);
  }

  private Verdict decide(List<ReplayPlan.Step> steps, boolean yes, boolean dryRun, Terminal t) {
    return ReplayConfirmation.decide(steps, yes, dryRun, RATE, t, shown::add);
  }

  @Test
  void oneRecordIsReplayedWithoutAsking() {
    ScriptedTerminal terminal = new ScriptedTerminal("n");

    assertThat(decide(steps(1, "PROVIDER_CONFIG"), false, false, terminal))
        .isEqualTo(Verdict.PROCEED);
    assertThat(decide(steps(1, "PROVIDER_CONFIG"), false, false, Terminal.none()))
        .isEqualTo(Verdict.PROCEED);
    assertThat(terminal.asked()).isEmpty();
  }

  @Test
  void yesAndDryRunNeedNoQuestion() {
    ScriptedTerminal terminal = new ScriptedTerminal("n");

    assertThat(decide(steps(5, "PROVIDER_CONFIG"), true, false, Terminal.none()))
        .isEqualTo(Verdict.PROCEED);
    assertThat(decide(steps(5, "PROVIDER_CONFIG"), false, true, Terminal.none()))
        .isEqualTo(Verdict.PROCEED);
    assertThat(decide(steps(5, "PROVIDER_CONFIG"), true, false, terminal))
        .isEqualTo(Verdict.PROCEED);
    assertThat(terminal.asked()).isEmpty();
  }

  @Test
  void aBulkReplayWithoutATerminalNeedsYesAndAsksNothing() {
    List<ReplayPlan.Step> steps = steps(2, "PROVIDER_CONFIG");

    assertThat(decide(steps, false, false, Terminal.none())).isEqualTo(Verdict.NEEDS_YES);
    assertThat(shown).isEmpty();
    assertThat(ReplayConfirmation.needsYes(steps))
        .contains("would publish 2 dead letters")
        .contains("--yes")
        .contains("--dry-run");
  }

  @Test
  void onATerminalTheCountsAreShownAndOnlyYesProceeds() {
    for (String yes : new String[] {"y", "Y", "yes", " YES "}) {
      assertThat(decide(steps(3, "RETRIES_EXHAUSTED"), false, false, new ScriptedTerminal(yes)))
          .as(yes)
          .isEqualTo(Verdict.PROCEED);
    }
    for (String no : new String[] {"", "n", "no", "yep", "q"}) {
      assertThat(decide(steps(3, "RETRIES_EXHAUSTED"), false, false, new ScriptedTerminal(no)))
          .as(no)
          .isEqualTo(Verdict.DECLINED);
    }
    ScriptedTerminal ended = new ScriptedTerminal(null);
    assertThat(decide(steps(3, "RETRIES_EXHAUSTED"), false, false, ended))
        .isEqualTo(Verdict.DECLINED);
    assertThat(ended.asked()).containsExactly("Replay 3 dead letters? [y/N] ");
    assertThat(shown)
        .contains("dlt replay would publish 3 dead letters at 100/s (about 0 s), skipping 1:");
  }

  @Test
  void countsAreGroupedByTopicAndReason() {
    List<ReplayPlan.Step> steps = new ArrayList<>(steps(3, "RETRIES_EXHAUSTED"));
    steps.addAll(steps(2, "PROVIDER_CONFIG"));

    assertThat(ReplayConfirmation.counts(steps))
        .isEqualTo(
            Map.of(
                "verification-requests-dlt", Map.of("RETRIES_EXHAUSTED", 3, "PROVIDER_CONFIG", 2)));
    assertThat(ReplayConfirmation.summary(steps, RATE))
        .anySatisfy(line -> assertThat(line).contains("RETRIES_EXHAUSTED").endsWith(" 3"))
        .anySatisfy(line -> assertThat(line).contains("PROVIDER_CONFIG").endsWith(" 2"));
  }
}
