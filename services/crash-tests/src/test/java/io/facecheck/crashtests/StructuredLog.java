package io.facecheck.crashtests;

import io.facecheck.contracts.schema.PayloadJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A child's structured (ECS or Logstash JSON) log, one event per line. Lines that are not JSON (the
 * JVM's own warnings before logging starts) are left to the plain-text scan.
 */
final class StructuredLog {

  /** One logged event. */
  record Event(JsonNode json) {

    /** Every value in the event as decoded text: JSON escapes cannot hide what a scan looks for. */
    String decodedText() {
      StringBuilder text = new StringBuilder();
      collect(json, text);
      return text.toString();
    }

    /** The logger's name: ECS {@code log.logger}, Logstash {@code logger_name}. */
    String logger() {
      JsonNode logger = json.path("log").path("logger");
      return logger.isString() ? logger.asString() : json.path("logger_name").asString("");
    }

    /** A top-level field (the MDC's keys are written there), or null. */
    String field(String name) {
      JsonNode value = json.get(name);
      return value == null || value.isNull() ? null : value.asString();
    }

    private static void collect(JsonNode node, StringBuilder text) {
      if (node.isContainer()) {
        node.forEach(child -> collect(child, text));
      } else {
        text.append(node.asString()).append('\n');
      }
    }
  }

  static List<Event> read(Path log) throws IOException {
    List<Event> events = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("{")) {
        events.add(new Event(PayloadJson.mapper().readTree(line)));
      }
    }
    return events;
  }
}
