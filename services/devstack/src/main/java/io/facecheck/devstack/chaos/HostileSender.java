package io.facecheck.devstack.chaos;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.chaos.verdict.Evidence.HostileRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends the hostile corpus: Kafka records noting where each landed (the dead letter names that
 * place), HTTP bodies noting what intake answered (retried while intake is down).
 */
final class HostileSender {

  private final String bootstrapServers;
  private final String intakeUrl;
  private final String bearer;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  HostileSender(String bootstrapServers, String intakeUrl, String bearer) {
    this.bootstrapServers = bootstrapServers;
    this.intakeUrl = intakeUrl;
    this.bearer = bearer;
  }

  List<HostileRecord> send(List<HostileCorpus.Item> items) {
    List<HostileRecord> sent = new ArrayList<>();
    try (KafkaProducer<String, byte[]> producer = Arrivals.producer(bootstrapServers)) {
      for (HostileCorpus.Item item : items) {
        if (!"kafka".equals(item.channel())) {
          sent.add(
              new HostileRecord(
                  item.label(),
                  "http",
                  item.clientId(),
                  item.requestId(),
                  -1,
                  -1,
                  post(item.value())));
          continue;
        }
        ProducerRecord<String, byte[]> record =
            new ProducerRecord<>(Topics.REQUESTS, item.key(), item.value());
        item.headers().forEach((k, v) -> record.headers().add(k, v));
        try {
          RecordMetadata where = producer.send(record).get(10, TimeUnit.MINUTES);
          sent.add(
              new HostileRecord(
                  item.label(),
                  "kafka",
                  item.clientId(),
                  item.requestId(),
                  where.partition(),
                  where.offset(),
                  0));
        } catch (ExecutionException | TimeoutException e) {
          // never acknowledged: not sent, nothing to account for
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return sent;
  }

  /** The status intake answered; 0 when it never answered within two minutes. */
  private int post(byte[] body) {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(giveUp)) {
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create(intakeUrl + "/v1/verifications"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 503 && status != 502) {
          return status;
        }
      } catch (IOException e) {
        // intake is down (killed): try again, as a client would
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
    return 0;
  }
}
