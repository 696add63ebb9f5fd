package io.facecheck.ops.deadletter;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Which verification a dead letter concerns, as far as its bytes tell: a request names its
 * (client_id, request_id); a query, a query result and a callback are keyed by its verification_id.
 * For an {@code IDEMPOTENCY_CONFLICT} the pair names the verification the record conflicts with.
 */
public sealed interface VerificationRef {

  record ByRequest(String clientId, String requestId) implements VerificationRef {}

  record ById(UUID id) implements VerificationRef {}

  record Unknown() implements VerificationRef {}

  static VerificationRef of(DeadLetterRecord record, RecordValue value) {
    String source = record.header(DeadLetterHeaders.ORIGINAL_TOPIC).orElse(record.topic());
    if (source.startsWith(Topics.REQUESTS)) {
      String clientId = value.rawField("client_id");
      String requestId = value.rawField("request_id");
      return clientId != null && requestId != null
          ? new ByRequest(clientId, requestId)
          : new Unknown();
    }
    if (source.startsWith(Topics.QUERIES)
        || source.startsWith(Topics.QUERY_RESULTS)
        || source.startsWith(Topics.CALLBACKS)) {
      UUID id =
          uuid(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
      if (id == null) {
        id = uuid(value.rawField("verification_id"));
      }
      return id == null ? new Unknown() : new ById(id);
    }
    return new Unknown();
  }

  private static UUID uuid(String text) {
    try {
      return text == null ? null : UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
