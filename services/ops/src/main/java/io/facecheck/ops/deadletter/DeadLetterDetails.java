package io.facecheck.ops.deadletter;

import io.facecheck.ops.masking.KnownIdentity;
import io.facecheck.statemachine.Verification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The same for {@code --json}: one object, the value as masked JSON (null if it is not). */
  public static Map<String, Object> json(
      DeadLetterRecord record, RecordValue value, Optional<Verification> verification) {
    KnownIdentity identity = value.identity();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("dlt_topic", record.topic());
    json.put("dlt_partition", record.partition());
    json.put("dlt_offset", record.offset());
    json.put("timestamp", record.timestamp().toString());
    json.put("key", ShownBytes.of(record.key(), identity));
    json.put("verification", verification.map(v -> verificationJson(v, identity)).orElse(null));
    List<Map<String, Object>> headers = new ArrayList<>();
    for (DeadLetterRecord.Header header : record.headers()) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("name", identity.scrub(header.key()));
      h.put("value", ShownBytes.of(header.value(), identity));
      headers.add(h);
    }
    json.put("headers", headers);
    json.put("value_kind", value.kind().name());
    json.put("value_size", value.size());
    json.put("value_masked", value.maskedTree());
    return json;
  }

  private static Map<String, Object> verificationJson(Verification v, KnownIdentity identity) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", v.id().toString());
    json.put("status", v.status().name());
    json.put("client_id", identity.scrub(v.clientId()));
    json.put("request_id", identity.scrub(v.requestId()));
    return json;
  }

  private static String orNone(String text) {
    return text == null ? "(none)" : text;
  }
}
