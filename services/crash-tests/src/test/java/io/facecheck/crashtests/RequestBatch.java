package io.facecheck.crashtests;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.crashtests.MadeUpPeople.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
  private final List<Person> people = new ArrayList<>();

  RequestBatch(String clientId) {
    this.clientId = clientId;
  }

  /** Produces {@code count} requests and waits until Kafka acknowledged all of them. */
  RequestBatch produce(String bootstrapServers, int count, String returnUrl, MadeUpPeople source)
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
        Person person = source.next();
        people.add(person);
        String requestId = "r-" + i;
        byte[] value = PayloadJson.mapper().writeValueAsBytes(fields(requestId, person, returnUrl));
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

  List<Person> people() {
    return List.copyOf(people);
  }

  private Map<String, Object> fields(String requestId, Person person, String returnUrl) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("schema_version", 1);
    request.put("request_id", requestId);
    request.put("client_id", clientId);
    request.put("biz_code", "FACE");
    request.put(
        "identity",
        Map.of(
            "cert_type", "IDENTITY_CARD",
            "cert_name", person.certName(),
            "cert_no", person.certNo()));
    request.put("return_url", returnUrl);
    request.put("ttl_seconds", TTL_SECONDS);
    return request;
  }
}
