package io.facecheck.ops.deadletter;

import io.facecheck.ops.masking.KnownIdentity;
import io.facecheck.statemachine.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code dlt show} prints: every header, the key and the masked value. */
public final class DeadLetterDetails {

  private DeadLetterDetails() {}

  public static List<String> lines(
      DeadLetterRecord record, RecordValue value, Optional<Verification> verification) {
    KnownIdentity identity = value.identity();
    List<String> lines = new ArrayList<>();
    lines.add("record        " + record.coordinates());
    lines.add("timestamp     " + record.timestamp());
    lines.add("key           " + orNone(ShownBytes.of(record.key(), identity)));
    lines.add(
        "verification  "
            + verification
                .map(v -> v.id() + " " + v.status() + " (" + v.clientId() + ":" + v.requestId())
                .map(text -> identity.scrub(text) + ")")
                .orElse("(not found)"));
    lines.add("headers");
    int width = record.headers().stream().mapToInt(h -> h.key().length()).max().orElse(0);
    for (DeadLetterRecord.Header header : record.headers()) {
      String name = identity.scrub(header.key());
      lines.add(
          "  "
              + name
              + " ".repeat(Math.max(1, width - name.length() + 2))
              + orNone(ShownBytes.of(header.value(), identity)));
    }
    lines.add("value (masked)");
    lines.add("  " + value.masked());
    return lines;
  }

  private static String orNone(String text) {
    return text == null ? "(none)" : text;
  }
}
