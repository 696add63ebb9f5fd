package io.facecheck.ops.deadletter.cli;

import io.facecheck.ops.deadletter.DeadLetterRecord;
import io.facecheck.ops.deadletter.RecordValue;
import io.facecheck.ops.deadletter.ReplayPlan;
import io.facecheck.ops.masking.KnownIdentity;
import io.facecheck.statemachine.Verification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How {@code dlt replay} names a record in its output: coordinates and safe ids only. */
final class ReplayLines {

  private ReplayLines() {}

  static String source(ReplayPlan.Step step) {
    return step.candidate().record().coordinates();
  }

  static String about(ReplayPlan.Step step) {
    String verification =
        step.candidate().verification().map(ReplayLines::describe).orElse("verification not found");
    return "key=" + shownKey(step) + "  " + verification;
  }

  static String skipped(ReplayPlan.Step step) {
    return "skipped       " + source(step) + "  " + step.skipped();
  }

  /** The text line of one outcome, its first word padded so the coordinates line up. */
  static String text(ReplayOutcome outcome) {
    ReplayPlan.Step step = outcome.step();
    String head = String.format("%-13s ", outcome.action().text()) + source(step);
    return switch (outcome.action()) {
      case SKIPPED -> skipped(step);
      case REPLAYED -> head + " -> " + outcome.landedAt() + "  " + about(step);
      case WOULD_REPLAY -> head + " -> " + step.targetTopic() + "  " + about(step);
      case FAILED, NOT_SENT ->
          head + " -> " + step.targetTopic() + "  " + about(step) + "  " + outcome.detail();
    };
  }

  /** The JSON line of one outcome. */
  static Map<String, Object> json(ReplayOutcome outcome) {
    ReplayPlan.Step step = outcome.step();
    DeadLetterRecord record = step.candidate().record();
    Optional<Verification> v = step.candidate().verification();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("action", outcome.action().json());
    json.put("dlt_topic", record.topic());
    json.put("dlt_partition", record.partition());
    json.put("dlt_offset", record.offset());
    json.put("reason", record.reason());
    json.put("key", shownKey(step));
    json.put("verification_id", v.map(x -> x.id().toString()).orElse(null));
    json.put("status", v.map(x -> x.status().name()).orElse(null));
    json.put("target_topic", step.targetTopic());
    json.put("landed_at", outcome.landedAt());
    json.put("detail", outcome.detail());
    return json;
  }

  private static String shownKey(ReplayPlan.Step step) {
    KnownIdentity identity = RecordValue.of(step.candidate().record().value()).identity();
    byte[] key = step.candidate().record().key();
    return key == null ? "(none)" : identity.scrub(new String(key, StandardCharsets.UTF_8));
  }

  private static String describe(Verification v) {
    return "verification=" + v.id() + " (" + v.status() + ")";
  }
}
