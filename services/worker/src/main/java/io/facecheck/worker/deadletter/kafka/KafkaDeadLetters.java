package io.facecheck.worker.deadletter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.worker.deadletter.DeadLetter;
import io.facecheck.worker.deadletter.DeadLetters;
import io.facecheck.worker.deadletter.OriginalRecord;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the original key and value unchanged, the original headers except earlier facecheck-*
 * diagnostics (a replayed record that fails again gets fresh ones), and the headers of {@link
 * DeadLetterHeaders}. A dead letter the broker (or the producer's max.request.size) refuses as too
 * large is published again as a summary: the value replaced by a short text, the original headers
 * dropped, and {@code facecheck-truncated}, {@code facecheck-original-size} (bytes of the value)
 * and {@code facecheck-original-hash} (the keyed hash of the value, so ops can match it with the
 * producer's copy without anyone reading PII from it) added; otherwise it could never be published
 * and its record would be retried for ever.
 */
public final class KafkaDeadLetters implements DeadLetters {

  static final String TRUNCATED = DeadLetterHeaders.TRUNCATED;
  static final String ORIGINAL_SIZE = DeadLetterHeaders.ORIGINAL_SIZE;
  static final String ORIGINAL_HASH = DeadLetterHeaders.ORIGINAL_HASH;
  private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
  private static final String OUR_PREFIX = "facecheck-";
  private static final int MAX_KEY_BYTES = 1024;

  private final KafkaTemplate<byte[], byte[]> kafka;
  private final Function<byte[], String> keyedHash;

  /**
   * @param keyedHash the keyed hash of raw bytes (the request parser's), for truncated letters
   */
  public KafkaDeadLetters(KafkaTemplate<byte[], byte[]> kafka, Function<byte[], String> keyedHash) {
    this.kafka = kafka;
    this.keyedHash = keyedHash;
  }

  @Override
  public CompletableFuture<?> publish(DeadLetter letter) {
    OriginalRecord original = letter.original();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(letter.deadLetterTopic(), original.key(), original.value());
    for (OriginalRecord.Header header : original.headers()) {
      if (!header.key().startsWith(OUR_PREFIX)) {
        record.headers().add(header.key(), header.value());
      }
    }
    diagnostics(record.headers(), letter);
    log.warn(
        "dead-lettering {} to {}: {} ({})",
        original,
        letter.deadLetterTopic(),
        letter.reason(),
        letter.message());
    CompletableFuture<SendResult<byte[], byte[]>> sent;
    try {
      sent = kafka.send(record);
    } catch (RuntimeException e) {
      // the producer refuses a record over max.request.size before sending: Spring throws
      if (!tooLarge(e)) {
        throw e;
      }
      sent = CompletableFuture.failedFuture(e);
    }
    // async: a refusal by the broker completes on the producer's I/O thread, which must not send
    return sent.exceptionallyComposeAsync(
        failure ->
            tooLarge(failure)
                ? kafka.send(summary(letter))
                : CompletableFuture.failedFuture(failure));
  }

  private ProducerRecord<byte[], byte[]> summary(DeadLetter letter) {
    OriginalRecord original = letter.original();
    byte[] value = original.value() == null ? new byte[0] : original.value();
    byte[] key = original.key();
    if (key != null && key.length > MAX_KEY_BYTES) {
      key = ("hash:" + keyedHash.apply(key)).getBytes(UTF_8);
    }
    String hash = keyedHash.apply(value);
    log.warn(
        "dead letter of {} too large to publish: publishing a summary ({} bytes, hash {})",
        original,
        value.length,
        hash);
    String text =
        "dead letter truncated: the original value was %d bytes with %d headers (keyed hash %s)"
            .formatted(value.length, original.headers().size(), hash);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(letter.deadLetterTopic(), key, text.getBytes(UTF_8));
    diagnostics(record.headers(), letter);
    record.headers().add(TRUNCATED, bytes("true"));
    record.headers().add(ORIGINAL_SIZE, bytes(value.length));
    record.headers().add(ORIGINAL_HASH, bytes(hash));
    return record;
  }

  private static void diagnostics(Headers headers, DeadLetter letter) {
    OriginalRecord original = letter.original();
    headers.add(DeadLetterHeaders.REASON, bytes(letter.reason().code()));
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(original.topic()));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(original.partition()));
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(original.offset()));
    headers.add(DeadLetterHeaders.ATTEMPTS, bytes(letter.attempts()));
    headers.add(DeadLetterHeaders.FIRST_FAILURE_AT, bytes(letter.firstFailureAt()));
    headers.add(DeadLetterHeaders.LAST_FAILURE_AT, bytes(letter.lastFailureAt()));
    headers.add(DeadLetterHeaders.ERROR_MESSAGE, bytes(letter.message()));
  }

  private static boolean tooLarge(Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof RecordTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytes(Object value) {
    return String.valueOf(value).getBytes(UTF_8);
  }
}
