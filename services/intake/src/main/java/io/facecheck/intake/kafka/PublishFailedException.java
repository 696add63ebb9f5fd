package io.facecheck.intake.kafka;

/**
 * Kafka did not acknowledge a record in time: answered 503, and the caller retries (the worker and
 * the reconciler deduplicate, so a record that did land after all does no harm).
 */
public final class PublishFailedException extends RuntimeException {

  public PublishFailedException(String topic, Throwable cause) {
    super("no acknowledgement from Kafka for topic " + topic, cause);
  }
}
