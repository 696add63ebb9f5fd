package io.facecheck.devstack.bench;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.demo.DemoRequests;
import io.facecheck.devstack.demo.FakeIdentities;
import io.facecheck.devstack.demo.Tally;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces verification requests to {@code verification-requests} as a business service would:
 * either all at once (closed loop: the demo's burst), or open loop, request i due at {@code start +
 * i / rate} whatever has completed, each recorded with its due time.
 */
final class RequestSender implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final String clientId;
  private final String returnUrl;
  private final int ttlSeconds;
  private final FakeIdentities people;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final AtomicLong maxLagNanos = new AtomicLong();

  RequestSender(
      String bootstrapServers,
      String clientId,
      String returnUrl,
      int ttlSeconds,
      FakeIdentities people) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            new ByteArraySerializer());
    this.clientId = clientId;
    this.returnUrl = returnUrl;
    this.ttlSeconds = ttlSeconds;
    this.people = people;
  }

  /**
   * Sends {@code count} requests named {@code prefix-1…}; {@code rate} per second on a steady
   * schedule, or all at once when {@code rate} is 0. Returns when the last one was handed over.
   */
  void send(Tally tally, String prefix, int count, double rate) {
    maxLagNanos.set(0);
    long start = System.nanoTime();
    double interval = rate > 0 ? 1e9 / rate : 0;
    for (int i = 0; i < count; i++) {
      long due = rate > 0 ? start + Math.round(i * interval) : System.nanoTime();
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
        if (Thread.currentThread().isInterrupted()) {
          return; // the run gave up (its timeout): stop sending
        }
      }
      maxLagNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
      String requestId = prefix + "-" + (i + 1);
      byte[] value =
          DemoRequests.json(
              DemoRequests.fields(clientId, requestId, people.next(), ttlSeconds, returnUrl));
      tally.sent(requestId, due);
      producer.send(
          new ProducerRecord<>(Topics.REQUESTS, requestId, value),
          (metadata, error) -> {
            if (error != null) {
              failure.compareAndSet(null, error);
            }
          });
    }
    producer.flush();
  }

  /** The first send that failed, or null. */
  Exception failure() {
    return failure.get();
  }

  /** How far behind its schedule the last {@link #send} fell at worst, in ms (open loop). */
  double maxLagMillis() {
    return maxLagNanos.get() / 1e6;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
