package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.demo.DemoRequests;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
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

  /** Produces {@code count} requests and waits until Kafka acknowledged all of them. */
  RequestBatch produce(String bootstrapServers, int count, String returnUrl, FakeIdentities source)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        FakeIdentity person = source.next();
        people.add(person);
        String requestId = "r-" + i;
        Map<String, Object> fields =
            DemoRequests.fields(clientId, requestId, person, TTL_SECONDS, returnUrl);
        fields.put("metadata", Map.of("source", "crash-tests"));
        byte[] value = DemoRequests.json(fields);
        sent.add(producer.send(new ProducerRecord<>(Topics.REQUESTS, requestId, value)));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
    return this;
  }

  String clientId() {
    return clientId;
  }

  int size() {
    return people.size();
  }

  List<FakeIdentity> people() {
    return List.copyOf(people);
  }
}
