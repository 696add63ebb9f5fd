package io.facecheck.worker.deadletter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the original key and value unchanged, the original headers except earlier facecheck-*
 * diagnostics (a replayed record that fails again gets fresh ones), and the headers of {@link
 * DeadLetterHeaders}.
 */
public final class KafkaDeadLetters implements DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
  private static final String OUR_PREFIX = "facecheck-";

  private final KafkaTemplate<byte[], byte[]> kafka;

  public KafkaDeadLetters(KafkaTemplate<byte[], byte[]> kafka) {
    this.kafka = kafka;
  }

  @Override
  public CompletableFuture<?> publish(DeadLetter letter) {
    OriginalRecord original = letter.original();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(letter.deadLetterTopic(), original.key(), original.value());
    Headers headers = record.headers();
    for (OriginalRecord.Header header : original.headers()) {
      if (!header.key().startsWith(OUR_PREFIX)) {
        headers.add(header.key(), header.value());
      }
    }
    headers.add(DeadLetterHeaders.REASON, bytes(letter.reason()));
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(original.topic()));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(original.partition()));
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(original.offset()));
    headers.add(DeadLetterHeaders.ATTEMPTS, bytes(letter.attempts()));
    headers.add(DeadLetterHeaders.FIRST_FAILURE_AT, bytes(letter.firstFailureAt()));
    headers.add(DeadLetterHeaders.LAST_FAILURE_AT, bytes(letter.lastFailureAt()));
    headers.add(DeadLetterHeaders.ERROR_MESSAGE, bytes(letter.message()));
    log.warn(
        "dead-lettering {} to {}: {} ({})",
        original,
        letter.deadLetterTopic(),
        letter.reason(),
        letter.message());
    return kafka.send(record);
  }

  private static byte[] bytes(Object value) {
    return String.valueOf(value).getBytes(UTF_8);
  }
}
