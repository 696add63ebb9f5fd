package io.facecheck.reconciler.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON payloads of a batch of records. A record that does not parse is logged (topic,
 * partition, offset; never its value) and skipped: internal topics carry hints the ladder can make
 * up for, and a bad record must never stop a partition.
 */
public class JsonPayloads {

  private static final Logger log = LoggerFactory.getLogger(JsonPayloads.class);

  private final JsonMapper json;

  public JsonPayloads(JsonMapper json) {
    this.json = json;
  }

  public <T> List<T> read(List<ConsumerRecord<String, String>> records, Class<T> type) {
    List<T> payloads = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      try {
        payloads.add(json.readValue(record.value(), type));
      } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
        log.warn(
            "skipping unreadable {} at {}-{}@{}: {}",
            type.getSimpleName(),
            record.topic(),
            record.partition(),
            record.offset(),
            e.getClass().getSimpleName());
      }
    }
    return payloads;
  }
}
