package io.facecheck.worker.retry.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.worker.deadletter.OriginalRecord;
import io.facecheck.worker.retry.RetryHeaders;
import io.facecheck.worker.retry.RetryPublisher;
import io.facecheck.worker.retry.RetryRecord;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the original key and value unchanged (same key, so a request's retries stay in order),
 * its own headers but earlier facecheck-* ones, and the retry history ({@link RetryHeaders} and the
 * {@link DeadLetterHeaders} that describe where it came from and how it failed).
 */
public final class KafkaRetryPublisher implements RetryPublisher {

  private static final Logger log = LoggerFactory.getLogger(KafkaRetryPublisher.class);

  private final KafkaTemplate<byte[], byte[]> kafka;

  public KafkaRetryPublisher(KafkaTemplate<byte[], byte[]> kafka) {
    this.kafka = kafka;
  }

  @Override
  public CompletableFuture<?> publish(RetryRecord retry) {
    OriginalRecord original = retry.original();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(retry.topic(), original.key(), original.value());
    Headers headers = record.headers();
    for (OriginalRecord.Header header : original.headers()) {
      if (!header.key().startsWith(RetryHeaders.PREFIX)) {
        headers.add(header.key(), header.value());
      }
    }
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(original.topic()));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(original.partition()));
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(original.offset()));
    headers.add(DeadLetterHeaders.ATTEMPTS, bytes(retry.attempts()));
    headers.add(DeadLetterHeaders.FIRST_FAILURE_AT, bytes(retry.firstFailureAt()));
    headers.add(DeadLetterHeaders.LAST_FAILURE_AT, bytes(retry.lastFailureAt()));
    headers.add(DeadLetterHeaders.ERROR_MESSAGE, bytes(retry.message()));
    headers.add(RetryHeaders.HOP, bytes(retry.hop()));
    headers.add(RetryHeaders.DUE_AT, bytes(retry.dueAt()));
    log.info(
        "retrying {} via {} at {} (hop {}, {} attempts): {}",
        original,
        retry.topic(),
        retry.dueAt(),
        retry.hop(),
        retry.attempts(),
        retry.message());
    return kafka.send(record);
  }

  private static byte[] bytes(Object value) {
    return String.valueOf(value).getBytes(UTF_8);
  }
}
