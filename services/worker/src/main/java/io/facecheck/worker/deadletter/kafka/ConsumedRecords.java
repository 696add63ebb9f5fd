package io.facecheck.worker.deadletter.kafka;

import io.facecheck.worker.deadletter.OriginalRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a consumed Kafka record into the framework-free {@link OriginalRecord}. */
public final class ConsumedRecords {

  private ConsumedRecords() {}

  public static OriginalRecord original(ConsumerRecord<byte[], byte[]> record) {
    List<OriginalRecord.Header> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(new OriginalRecord.Header(header.key(), header.value()));
    }
    return new OriginalRecord(
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
  }
}
