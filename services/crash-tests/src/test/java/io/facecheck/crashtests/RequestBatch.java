package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.demo.DemoRequests;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One scenario's requests, produced to verification-requests as a business service would: its own
 * client_id (so each scenario checks only its own verifications), request ids {@code r-<n>}.
 */
final class RequestBatch {

  static final int TTL_SECONDS = 600;

  private final String clientId;
  private final List<FakeIdentity> people = new ArrayList<>();

  RequestBatch(String clientId) {
    this.clientId = clientId;
  }

  /** One request of the batch: its id and the bytes a business service sends, on either door. */
  record Request(String requestId, byte[] json) {}

  /** Produces {@code count} requests and waits until Kafka acknowledged all of them. */
  RequestBatch produce(String bootstrapServers, int count, String returnUrl, FakeIdentities source)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Request request = next(source, TTL_SECONDS, id -> returnUrl);
        sent.add(producer.send(record(request)));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
    return this;
  }

  /**
   * Adds the batch's next request (request id {@code r-<n>}, a new person), to be sent by the
   * caller through Kafka or intake.
   */
  synchronized Request next(
      FakeIdentities source, int ttlSeconds, Function<String, String> returnUrlOfRequest) {
    FakeIdentity person = source.next();
    String requestId = "r-" + people.size();
    people.add(person);
    Map<String, Object> fields =
        DemoRequests.fields(
            clientId, requestId, person, ttlSeconds, returnUrlOfRequest.apply(requestId));
    fields.put("metadata", Map.of("source", "crash-tests"));
    return new Request(requestId, DemoRequests.json(fields));
  }

  /** A producer as a business service configures one: idempotent, every replica acknowledges. */
  static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  static ProducerRecord<String, byte[]> record(Request request) {
    return new ProducerRecord<>(Topics.REQUESTS, request.requestId(), request.json());
  }

  String clientId() {
    return clientId;
  }

  synchronized int size() {
    return people.size();
  }

  synchronized List<FakeIdentity> people() {
    return List.copyOf(people);
  }
}
