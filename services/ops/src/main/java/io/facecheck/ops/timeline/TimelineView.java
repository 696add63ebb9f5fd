package io.facecheck.ops.timeline;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.ops.render.TextTable;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code timeline} prints. The store holds no PII in these columns, but details maps and
 * failure messages are free text written by several services: a cert_name or cert_no key is
 * dropped, and anything shaped like a resident ID number is masked, in case one slipped in. The
 * certify URL is not shown either: it opens the user's face scan.
 */
public final class TimelineView {

  private static final Set<String> IDENTITY_KEYS = Set.of("cert_name", "cert_no", "identity");

  private TimelineView() {}

  public static List<String> lines(Verification v, List<Transition> transitions) {
    List<String> lines = new ArrayList<>();
    lines.add("verification    " + v.id());
    lines.add("request         " + safe(v.clientId()) + ":" + safe(v.requestId()));
    lines.add("status          " + v.status() + deadLetter(v));
    lines.add("biz_code        " + orDash(v.submission().bizCode()));
    lines.add("app             " + orDash(v.submission().app()));
    lines.add("outer_order_no  " + orDash(v.outerOrderNo()));
    lines.add("certify_id      " + orDash(v.certifyId()));
    lines.add("expires_at      " + orDash(v.expiresAt()));
    lines.add("next_query_at   " + orDash(v.nextQueryAt()));
    lines.add("queries         " + v.queryAttempts() + " (last " + orDash(v.lastQueryAt()) + ")");
    lines.add("user_returned   " + orDash(v.userReturnedAt()));
    if (v.failure() != null) {
      lines.add(
          "failure         "
              + v.failure().code()
              + (v.failure().field() == null ? "" : " " + v.failure().field())
              + ": "
              + safe(v.failure().message()));
    }
    lines.add("created_at      " + v.createdAt());
    lines.add("updated_at      " + v.updatedAt());
    lines.add("");
    TextTable table = new TextTable("#", "TIME", "FROM", "TO", "CAUSE", "SOURCE", "DETAILS");
    int n = 1;
    for (Transition t : transitions) {
      table.row(
          String.valueOf(n++),
          t.occurredAt().toString(),
          t.from() == null ? null : t.from().name(),
          t.to().name(),
          t.cause(),
          safe(t.source()),
          details(t.details()));
    }
    lines.addAll(table.lines());
    return lines;
  }

  /** The same for {@code --json}: one object, the transitions in order, with the same masking. */
  public static Map<String, Object> json(Verification v, List<Transition> transitions) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("verification_id", v.id().toString());
    json.put("client_id", safe(v.clientId()));
    json.put("request_id", safe(v.requestId()));
    json.put("status", v.status().name());
    json.put("dead_letter_reason", v.deadLetter() == null ? null : v.deadLetter().reason());
    json.put(
        "dead_letter_left",
        v.deadLetter() == null ? null : String.valueOf(v.deadLetter().returnsTo()));
    json.put("biz_code", orNull(v.submission().bizCode()));
    json.put("app", orNull(v.submission().app()));
    json.put("outer_order_no", v.outerOrderNo());
    json.put("certify_id", v.certifyId());
    json.put("expires_at", orNull(v.expiresAt()));
    json.put("next_query_at", orNull(v.nextQueryAt()));
    json.put("query_attempts", v.queryAttempts());
    json.put("last_query_at", orNull(v.lastQueryAt()));
    json.put("user_returned_at", orNull(v.userReturnedAt()));
    json.put(
        "failure",
        v.failure() == null
            ? null
            : failure(v.failure().code(), v.failure().field(), v.failure().message()));
    json.put("created_at", orNull(v.createdAt()));
    json.put("updated_at", orNull(v.updatedAt()));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Transition t : transitions) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("occurred_at", t.occurredAt().toString());
      entry.put("from", t.from() == null ? null : t.from().name());
      entry.put("to", t.to().name());
      entry.put("cause", t.cause());
      entry.put("source", safe(t.source()));
      entry.put("details", detailsMap(t.details()));
      entries.add(entry);
    }
    json.put("transitions", entries);
    return json;
  }

  private static Map<String, Object> failure(Object code, String field, String message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", String.valueOf(code));
    json.put("field", field);
    json.put("message", safe(message));
    return json;
  }

  private static Map<String, String> detailsMap(Map<String, String> details) {
    Map<String, String> shown = new TreeMap<>();
    if (details != null) {
      details.forEach(
          (k, val) -> {
            if (!IDENTITY_KEYS.contains(k)) {
              shown.put(safe(k), safe(val));
            }
          });
    }
    return shown;
  }

  private static String orNull(Object value) {
    return value == null ? null : value.toString();
  }

  /** Sorted by key, so the same row always reads the same. */
  static String details(Map<String, String> details) {
    if (details == null || details.isEmpty()) {
      return null;
    }
    return new TreeMap<>(details)
        .entrySet().stream()
            .filter(e -> !IDENTITY_KEYS.contains(e.getKey()))
            .map(e -> safe(e.getKey()) + "=" + safe(e.getValue()))
            .collect(Collectors.joining(" "));
  }

  private static String deadLetter(Verification v) {
    return v.deadLetter() == null
        ? ""
        : " (reason "
            + v.deadLetter().reason()
            + ", a replay returns it to "
            + v.deadLetter().returnsTo()
            + ")";
  }

  private static String safe(String text) {
    return ResidentIdNumber.maskWithin(text);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
