package io.facecheck.reconciler.deadletter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.facecheck.contracts.DeadLetterHeaders;
import io.facecheck.contracts.DeadLetterReason;
import io.facecheck.contracts.Topics;
import io.facecheck.contracts.identity.PiiRedaction;
import io.facecheck.reconciler.deadletter.FailureClassifier;
import io.facecheck.reconciler.deadletter.FailureHandling;
import io.facecheck.reconciler.deadletter.FailureVerdict;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * The error handler's recoverer: publishes a record the reconciler gives up on to its topic's own
 * dead-letter topic, with the original key and value unchanged and the contract's headers, and
 * waits for the broker's acknowledgement. If Kafka does not take it, this throws, so the error
 * handler keeps the record instead of losing it. facecheck-ops replays it to the topic named in
 * {@link DeadLetterHeaders#ORIGINAL_TOPIC}.
 */
public final class DeadLetterPublisher implements ConsumerRecordRecoverer {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
  private static final String OUR_PREFIX = "facecheck-";
  private static final int MAX_MESSAGE = 500;

  private final KafkaOperations<byte[], byte[]> kafka;
  private final FailureHistory history;
  private final Clock clock;
  private final Duration sendTimeout;

  public DeadLetterPublisher(
      KafkaOperations<byte[], byte[]> kafka,
      FailureHistory history,
      Clock clock,
      Duration sendTimeout) {
    this.kafka = kafka;
    this.history = history;
    this.clock = clock;
    this.sendTimeout = sendTimeout;
  }

  /** The dead-letter topic of each topic the reconciler consumes. */
  public static String deadLetterTopicOf(String topic) {
    return switch (topic) {
      case Topics.CALLBACKS -> Topics.CALLBACKS_DLT;
      case Topics.QUERY_RESULTS -> Topics.QUERY_RESULTS_DLT;
      default -> topic + Topics.DLT_SUFFIX;
    };
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Exception failure) {
    Throwable cause = FailureCauses.unwrap(failure);
    FailureVerdict verdict = FailureClassifier.classify(cause);
    DeadLetterReason reason =
        verdict.handling() == FailureHandling.DEAD_LETTER_NOW
            ? verdict.reason()
            : DeadLetterReason.RETRIES_EXHAUSTED;
    FailureHistory.Failures failures = history.of(record);
    String message = message(cause);
    ProducerRecord<byte[], byte[]> letter =
        new ProducerRecord<>(
            deadLetterTopicOf(record.topic()), bytesOf(record.key()), bytesOf(record.value()));
    Headers headers = letter.headers();
    for (Header header : record.headers()) {
      // earlier diagnostics (a replayed record that failed again) give way to fresh ones
      if (!header.key().startsWith(OUR_PREFIX)) {
        headers.add(header.key(), header.value());
      }
    }
    headers.add(DeadLetterHeaders.REASON, bytes(reason.code()));
    headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(record.topic()));
    headers.add(DeadLetterHeaders.ORIGINAL_PARTITION, bytes(record.partition()));
    headers.add(DeadLetterHeaders.ORIGINAL_OFFSET, bytes(record.offset()));
    headers.add(DeadLetterHeaders.ATTEMPTS, bytes(failures.attempts()));
    headers.add(DeadLetterHeaders.FIRST_FAILURE_AT, bytes(failures.first()));
    headers.add(DeadLetterHeaders.LAST_FAILURE_AT, bytes(clock.instant()));
    headers.add(DeadLetterHeaders.ERROR_MESSAGE, bytes(message));
    log.warn(
        "dead-lettering {}-{}@{} to {}: {} after {} attempt(s) ({})",
        record.topic(),
        record.partition(),
        record.offset(),
        letter.topic(),
        reason.code(),
        failures.attempts(),
        message);
    try {
      kafka.send(letter).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("dead letter to " + letter.topic() + " not acknowledged", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while dead-lettering", e);
    }
  }

  static String message(Throwable cause) {
    String text = PiiRedaction.redact(describe(cause));
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "…" : text;
  }

  /**
   * The failure in the words an operator needs: for a database refusal, the driver's own message
   * (the constraint, the SQLState) after the wrapper's name, since Spring's wrapper starts with the
   * whole statement and the reason would fall past {@link #MAX_MESSAGE}.
   */
  private static String describe(Throwable cause) {
    for (Throwable t = cause == null ? null : cause.getCause(); t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException database) {
        return cause.getClass().getSimpleName() + ": " + database;
      }
    }
    return String.valueOf(cause);
  }

  private static byte[] bytesOf(Object keyOrValue) {
    if (keyOrValue == null || keyOrValue instanceof byte[]) {
      return (byte[]) keyOrValue;
    }
    return keyOrValue.toString().getBytes(UTF_8);
  }

  private static byte[] bytes(Object value) {
    return String.valueOf(value).getBytes(UTF_8);
  }
}
