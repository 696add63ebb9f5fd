package io.facecheck.ops.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One record read from a dead-letter topic, as it is stored: its coordinates, exact key, value and
 * headers. Its {@link #toString} names coordinates only, since the value holds PII.
 */
public record DeadLetterRecord(
    String topic,
    int partition,
    long offset,
    Instant timestamp,
    byte[] key,
    byte[] value,
    List<Header> headers) {

  /** One record header, in the order the record carries them. */
  public record Header(String key, byte[] value) {

    public String text() {
      return value == null ? null : new String(value, UTF_8);
    }
  }

  public DeadLetterRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** The last header named {@code key} as UTF-8 text, as Kafka's {@code lastHeader} picks. */
  public Optional<String> header(String key) {
    String found = null;
    for (Header header : headers) {
      if (header.key().equals(key) && header.value() != null) {
        found = header.text();
      }
    }
    return Optional.ofNullable(found);
  }

  public String reason() {
    return header(DeadLetterHeaders.REASON).orElse(null);
  }

  /** Where a replay publishes to; empty for a record no worker dead-lettered. */
  public Optional<String> originalTopic() {
    return header(DeadLetterHeaders.ORIGINAL_TOPIC).filter(topic -> !topic.isBlank());
  }

  public Optional<Integer> originalPartition() {
    return header(DeadLetterHeaders.ORIGINAL_PARTITION).flatMap(DeadLetterRecord::integer);
  }

  public String coordinates() {
    return topic + "/" + partition + "@" + offset;
  }

  @Override
  public String toString() {
    return "DeadLetterRecord[" + coordinates() + "]";
  }

  private static Optional<Integer> integer(String text) {
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
