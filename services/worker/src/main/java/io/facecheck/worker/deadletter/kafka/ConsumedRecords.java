package io.facecheck.worker.deadletter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a consumed Kafka record into the framework-free {@link OriginalRecord}. */
public final class ConsumedRecords {

  private static final String RETRY_HEADERS = "facecheck-retry-";

  private ConsumedRecords() {}

  /**
   * A record of a main topic, as it arrived. Retry headers it may carry (a replayed or hand-made
   * record) are dropped: on a main topic the retry history starts fresh.
   */
  public static OriginalRecord original(ConsumerRecord<byte[], byte[]> record) {
    List<OriginalRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      if (!header.key().startsWith(RETRY_HEADERS)) {
        headers.add(new OriginalRecord.Header(header.key(), header.value()));
      }
    }
    return new OriginalRecord(
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
  }

  /**
   * A record of a retry topic: where it was first consumed comes from its headers, so a dead letter
   * at the end names the main topic's partition and offset; its retry headers stay.
   */
  public static OriginalRecord fromRetryTopic(ConsumerRecord<byte[], byte[]> record) {
    List<OriginalRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new OriginalRecord.Header(header.key(), header.value()));
    }
    String topic = text(record, DeadLetterHeaders.ORIGINAL_TOPIC);
    String partition = text(record, DeadLetterHeaders.ORIGINAL_PARTITION);
    String offset = text(record, DeadLetterHeaders.ORIGINAL_OFFSET);
    try {
      return new OriginalRecord(
          topic == null ? record.topic() : topic,
          partition == null ? record.partition() : Integer.parseInt(partition),
          offset == null ? record.offset() : Long.parseLong(offset),
          record.key(),
          record.value(),
          headers);
    } catch (NumberFormatException e) {
      return new OriginalRecord(
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          record.value(),
          headers);
    }
  }

  private static String text(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
  }
}
