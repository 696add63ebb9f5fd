package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.masking.KnownIdentity;
import io.facecheck.statemachine.Verification;
import java.nio.charset.StandardCharsets;

/** How {@code dlt replay} names a record in its output: coordinates and safe ids only. */
final class ReplayLines {

  private ReplayLines() {}

  static String source(ReplayPlan.Step step) {
    return step.candidate().record().coordinates();
  }

  static String about(ReplayPlan.Step step) {
    KnownIdentity identity = RecordValue.of(step.candidate().record().value()).identity();
    byte[] key = step.candidate().record().key();
    String shownKey =
        key == null ? "(none)" : identity.scrub(new String(key, StandardCharsets.UTF_8));
    String verification =
        step.candidate().verification().map(ReplayLines::describe).orElse("verification not found");
    return "key=" + shownKey + "  " + verification;
  }

  static String skipped(ReplayPlan.Step step) {
    return "skipped       " + source(step) + "  " + step.skipped();
  }

  private static String describe(Verification v) {
    return "verification=" + v.id() + " (" + v.status() + ")";
  }
}
