package io.facecheck.intake.request;

/**
 * Hands a request to the worker (topic verification-requests, key request_id) and returns once
 * Kafka has acknowledged it; throws {@link io.facecheck.intake.kafka.PublishFailedException}
 * otherwise.
 */
public interface RequestPublisher {

  void publish(String requestId, byte[] originalBytes);
}
