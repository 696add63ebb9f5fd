package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.testinfra.TopicDump;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** verification-results read whole, from the first record to the current end, without a group. */
final class ResultsTopic {

  /** One record as it sits on the topic, with the event it carries. */
  record Delivered(
      int partition, long offset, String key, String payload, VerificationResult event) {}

  private ResultsTopic() {}

  static List<Delivered> readAll(String bootstrapServers) {
    return TopicDump.all(bootstrapServers, Topics.RESULTS).stream()
        .map(
            r ->
                new Delivered(
                    r.partition(),
                    r.offset(),
                    new String(r.key(), StandardCharsets.UTF_8),
                    new String(r.value(), StandardCharsets.UTF_8),
                    PayloadJson.mapper().readValue(r.value(), VerificationResult.class)))
        .toList();
  }
}
