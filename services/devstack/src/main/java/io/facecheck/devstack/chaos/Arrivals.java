package io.facecheck.devstack.chaos;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.chaos.verdict.Evidence.SentRequest;
import io.facecheck.devstack.demo.DemoRequests;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.FakeIdentities.FakeIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * N valid requests at a steady rate, over Kafka (acks=all, idempotent, waiting out a stopped
 * broker) and over intake's HTTP API (retried, same payload, until intake answers 202 or 200, as a
 * business service would). Only acknowledged requests count as sent: the guarantees start there.
 */
public final class Arrivals implements AutoCloseable {

  private static final Duration HTTP_GIVE_UP = Duration.ofMinutes(10);

  private final ChaosSettings settings;
  private final String intakeUrl;
  private final String clientId;
  private final String bearer;
  private final String returnUrl;
  private final FakeIdentities identities;
  private final List<FakeIdentity> used = java.util.Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<SentRequest> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger unacknowledged = new AtomicInteger();
  private final AtomicInteger requested = new AtomicInteger();
  private final KafkaProducer<String, byte[]> producer;
  private final ExecutorService http =
      Executors.newFixedThreadPool(16, r -> daemon(r, "chaos-http"));
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Thread thread;

  public Arrivals(
      ChaosSettings settings,
      String bootstrapServers,
      String intakeUrl,
      String clientId,
      String bearer,
      FakeIdentities identities) {
    this.settings = settings;
    this.intakeUrl = intakeUrl;
    this.clientId = clientId;
    this.bearer = bearer;
    this.returnUrl = intakeUrl + "/actuator/health/liveness";
    this.identities = identities;
    this.producer = producer(bootstrapServers);
    this.thread = daemon(this::run, "chaos-arrivals");
  }

  static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true,
            // a stopped broker is waited out, not given up on
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            600_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG,
            600_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
            30_000,
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            2 * 1024 * 1024),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  public void start() {
    thread.start();
  }

  private void run() {
    Random random = new Random(settings.seed() ^ 0x5eedL);
    long start = System.nanoTime();
    double intervalNanos = 1e9 / settings.rate();
    for (int i = 0; i < settings.requests(); i++) {
      long due = start + (long) (i * intervalNanos);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          return;
        }
      }
      FakeIdentity identity = identities.next();
      used.add(identity);
      boolean overHttp = random.nextDouble() < settings.httpShare();
      String requestId = (overHttp ? "h-" : "k-") + i;
      byte[] payload =
          DemoRequests.json(
              DemoRequests.fields(clientId, requestId, identity, settings.ttlSeconds(), returnUrl));
      requested.incrementAndGet();
      if (overHttp) {
        http.execute(() -> post(requestId, payload));
      } else {
        produce(requestId, payload, 1);
      }
    }
  }

  private void produce(String requestId, byte[] payload, int attempt) {
    producer.send(
        new ProducerRecord<>(Topics.REQUESTS, requestId, payload),
        (metadata, error) -> {
          if (error == null) {
            acknowledged.add(new SentRequest(clientId, requestId, "kafka"));
          } else if (attempt < 5) {
            produce(requestId, payload, attempt + 1);
          } else {
            unacknowledged.incrementAndGet();
          }
        });
  }

  private void post(String requestId, byte[] payload) {
    Instant giveUp = Instant.now().plus(HTTP_GIVE_UP);
    while (Instant.now().isBefore(giveUp)) {
      int status = post(payload);
      if (status == 202 || status == 200) {
        acknowledged.add(new SentRequest(clientId, requestId, "http"));
        return;
      }
      if (status >= 400 && status < 500) {
        // a valid request refused: a defect, the verdict shows it as unacknowledged
        unacknowledged.incrementAndGet();
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
    unacknowledged.incrementAndGet();
  }

  /** The HTTP status, or 0 when intake did not answer. */
  int post(byte[] payload) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(intakeUrl + "/v1/verifications"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + bearer)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Waits until every request was sent and answered one way or the other. */
  public void awaitSettled(Duration atMost) throws InterruptedException {
    thread.join(atMost.toMillis());
    producer.flush();
    http.shutdown();
    http.awaitTermination(atMost.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean sending() {
    return thread.isAlive();
  }

  public int requested() {
    return requested.get();
  }

  public List<SentRequest> acknowledged() {
    return List.copyOf(acknowledged);
  }

  public int unacknowledged() {
    return unacknowledged.get();
  }

  public List<FakeIdentity> identities() {
    synchronized (used) {
      return List.copyOf(used);
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    http.shutdownNow();
    producer.close(Duration.ofSeconds(10));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
