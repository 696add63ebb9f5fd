package io.facecheck.devstack.chaos.verdict;

import io.facecheck.devstack.chaos.verdict.Evidence.InjectedFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The verdict as a table for people and as JSON (the README's field names) for machines. */
public final class VerdictReport {

  private VerdictReport() {}

  /** The JSON document: the contract's fields first, then the rest. */
  public static Map<String, Object> json(Verdict v, long runStartMs, Map<String, Object> run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requests", v.requests());
    json.put("final", v.finalCount());
    json.put("lost", v.lost());
    json.put("duplicate_finals", v.duplicateFinals());
    json.put("second_certify_urls", v.secondCertifyUrls());
    json.put("wrong_finals", v.wrongFinals());
    json.put("pii_hits", v.piiHits());
    json.put("hostile_unaccounted", v.hostileUnaccounted());
    json.put("max_partition_stall_s", tenths(v.maxPartitionStallSeconds()));
    json.put("recovery_s", tenths(v.recoverySeconds()));
    json.put("passed", v.passed());
    json.put("failures", v.failures());
    json.put("final_by_status", v.finalByStatus());
    json.put("unacknowledged", v.unacknowledged());
    json.put("dead_lettered", v.deadLettered());
    json.put("redelivered_copies", v.redeliveredCopies());
    json.put("returns_lost_at_door", v.returnsLostAtDoor());
    json.put("hostile", v.hostile());
    List<Map<String, Object>> faults = new ArrayList<>();
    for (InjectedFault f : v.faults()) {
      Map<String, Object> fault = new LinkedHashMap<>();
      fault.put("kind", f.kind());
      fault.put("target", f.target());
      fault.put("start_s", seconds(f.startMs() - runStartMs));
      fault.put("end_s", seconds(f.endMs() - runStartMs));
      fault.put("started_at", Instant.ofEpochMilli(f.startMs()).toString());
      fault.put("ended_at", Instant.ofEpochMilli(f.endMs()).toString());
      faults.add(fault);
    }
    json.put("faults", faults);
    json.put("examples", v.examples());
    json.put("run", run);
    return json;
  }

  public static String table(Verdict v) {
    StringBuilder t = new StringBuilder();
    t.append("| figure | value | must be |\n|---|---|---|\n");
    row(t, "requests", v.requests(), "");
    row(t, "final", v.finalCount() + " " + v.finalByStatus(), "= requests");
    row(t, "lost", v.lost(), "0");
    row(t, "dead_lettered", v.deadLettered(), "");
    row(t, "duplicate_finals", v.duplicateFinals(), "0");
    row(t, "redelivered_copies (same event_id)", v.redeliveredCopies(), "");
    row(t, "second_certify_urls", v.secondCertifyUrls(), "0");
    row(t, "wrong_finals", v.wrongFinals(), "0");
    row(t, "returns_lost_at_door", v.returnsLostAtDoor(), "");
    row(t, "pii_hits", v.piiHits(), "0");
    row(t, "hostile / hostile_unaccounted", v.hostile() + " / " + v.hostileUnaccounted(), "- / 0");
    row(t, "max_partition_stall_s", format(v.maxPartitionStallSeconds()), "");
    row(t, "recovery_s", format(v.recoverySeconds()), "");
    row(t, "unacknowledged", v.unacknowledged(), "");
    t.append(v.passed() ? "\nverdict: PASSED\n" : "\nverdict: FAILED " + v.failures() + "\n");
    v.examples()
        .forEach(
            (figure, list) -> t.append("  ").append(figure).append(": ").append(list).append('\n'));
    return t.toString();
  }

  /** The faults, one line each, seconds from the start of the run. */
  public static String faults(List<InjectedFault> faults, long runStartMs) {
    StringBuilder t = new StringBuilder("| fault | target | from s | to s |\n|---|---|---|---|\n");
    for (InjectedFault f : faults) {
      t.append("| ")
          .append(f.kind())
          .append(" | ")
          .append(f.target())
          .append(" | ")
          .append(format(seconds(f.startMs() - runStartMs)))
          .append(" | ")
          .append(format(seconds(f.endMs() - runStartMs)))
          .append(" |\n");
    }
    return t.toString();
  }

  private static void row(StringBuilder t, String name, Object value, String must) {
    t.append("| ")
        .append(name)
        .append(" | ")
        .append(value)
        .append(" | ")
        .append(must)
        .append(" |\n");
  }

  private static double tenths(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }

  private static double seconds(long ms) {
    return Math.round(ms / 100.0) / 10.0;
  }

  private static String format(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }
}
