package io.facecheck.devstack.e2e;

import io.facecheck.contracts.Topics;
import io.facecheck.contracts.result.VerificationResult;
import io.facecheck.contracts.schema.PayloadJson;
import io.facecheck.devstack.demo.DemoRequests;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import io.facecheck.devstack.stack.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** Requests the test sends, over Kafka and over HTTP, remembering each one and its PII. */
final class PipelineRun {

  static final String KAFKA_CLIENT = "kafka-shop";
  static final int TTL_SECONDS = 900;

  private final Stack stack;
  private final FakeIdentities people = new FakeIdentities(20261126L);
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** request_id → client_id, for every request sent (duplicates once). */
  final Map<String, String> requests = new LinkedHashMap<>();

  final List<FakeIdentity> identities = new ArrayList<>();
  final List<Integer> httpStatuses = new ArrayList<>();

  PipelineRun(Stack stack) {
    this.stack = stack;
  }

  /** Produces {@code count} requests; the first {@code twice} of them are produced twice. */
  void produce(int count, int twice) throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true),
            new StringSerializer(),
            new ByteArraySerializer())) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String requestId = "kafka-" + i;
        byte[] value = DemoRequests.json(fields(KAFKA_CLIENT, requestId));
        int copies = i < twice ? 2 : 1;
        for (int c = 0; c < copies; c++) {
          sent.add(producer.send(new ProducerRecord<>(Topics.REQUESTS, requestId, value)));
        }
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
  }

  /** Posts {@code count} requests to intake; the first is posted twice. */
  void post(int count) throws Exception {
    for (int i = 0; i < count; i++) {
      String requestId = "http-" + i;
      byte[] body = DemoRequests.json(fields(stack.secrets().clientId(), requestId));
      for (int c = 0; c < (i == 0 ? 2 : 1); c++) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/v1/verifications"))
                .header("Authorization", "Bearer " + stack.secrets().clientToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        httpStatuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
      }
    }
  }

  /** GETs the callback endpoint with {@code token}; returns the HTTP status. */
  int callback(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(stack.intakeUrl() + "/v1/callbacks/alipay/return?token=" + token))
            .GET()
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static VerificationResult parse(byte[] value) {
    return PayloadJson.mapper().readValue(value, VerificationResult.class);
  }

  private Map<String, Object> fields(String clientId, String requestId) {
    FakeIdentity person = people.next();
    identities.add(person);
    requests.put(requestId, clientId);
    return DemoRequests.fields(
        clientId, requestId, person, TTL_SECONDS, stack.intakeUrl() + "/actuator/health");
  }
}
