package io.facecheck.ops.timeline;

import io.facecheck.contracts.identity.ResidentIdNumber;
import io.facecheck.ops.render.TextTable;
import io.facecheck.statemachine.Transition;
import io.facecheck.statemachine.Verification;
import java.util.ArrayList;
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
            + v.deadLetter().left()
            + ")";
  }

  private static String safe(String text) {
    return ResidentIdNumber.maskWithin(text);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
