package io.facecheck.tracing.kafka;

import io.facecheck.tracing.LogCorrelation;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a topic's Kafka key is (docs/architecture.md, "Topics"), so a record's log lines carry it
 * from the start.
 */
public enum RecordKey {
  /** verification-requests and its retry topics: the business request_id. */
  REQUEST_ID,
  /** callbacks, queries, query results: the verification_id. */
  VERIFICATION_ID;

  void correlate(Object key) {
    String text = text(key);
    if (text == null) {
      return;
    }
    switch (this) {
      case REQUEST_ID -> LogCorrelation.requestId(text);
      case VERIFICATION_ID -> {
        try {
          LogCorrelation.verification(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
          // a hostile key is not logged as an id: the record is dead-lettered on its own merits
        }
      }
    }
  }

  private static String text(Object key) {
    if (key instanceof byte[] bytes) {
      return bytes.length <= 128 ? new String(bytes, StandardCharsets.UTF_8) : null;
    }
    return key == null ? null : key.toString();
  }
}
