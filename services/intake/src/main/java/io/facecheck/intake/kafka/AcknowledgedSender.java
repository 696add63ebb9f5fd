package io.facecheck.intake.kafka;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends one record and waits for the broker's acknowledgement (acks=all, idempotent producer): an
 * HTTP caller is told 202 only once the record is durable. Each request thread waits for its own
 * record while the shared producer batches the records of all of them (linger.ms).
 */
public final class AcknowledgedSender {

  private final KafkaTemplate<String, byte[]> template;
  private final Duration timeout;

  public AcknowledgedSender(KafkaTemplate<String, byte[]> template, Duration timeout) {
    this.template = template;
    this.timeout = timeout;
  }

  /**
   * @throws PublishFailedException if the broker did not acknowledge within the timeout; the record
   *     may still land later, which the consumers' deduplication absorbs
   */
  public void send(String topic, String key, byte[] value) {
    try {
      template.send(topic, key, value).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException(topic, e);
    } catch (ExecutionException e) {
      throw new PublishFailedException(topic, e.getCause());
    } catch (TimeoutException | RuntimeException e) {
      throw new PublishFailedException(topic, e);
    }
  }
}
