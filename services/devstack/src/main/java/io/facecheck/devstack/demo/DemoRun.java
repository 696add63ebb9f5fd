package io.facecheck.devstack.demo;

import io.facecheck.contracts.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces N requests to verification-requests, watches verification-results until every one is
 * final (or the timeout passes), showing a progress line, then prints the report.
 */
public final class DemoRun {

  /**
   * @param warmupRequests sent first and left out of the figures, so the JIT and the consumer
   *     groups have settled before measuring
   * @param returnUrl the business service's page the simulated browser ends on
   */
  public record Options(
      int requests,
      int warmupRequests,
      int ttlSeconds,
      String clientId,
      long seed,
      Duration timeout,
      String returnUrl) {}

  private static final long PROGRESS_EVERY_MS = 250;

  private DemoRun() {}

  /**
   * What a run measured: its summary and its series for plotting (both null when the requests could
   * not be produced), and whether every request reached a final status in time.
   */
  public record Measured(DemoReport report, RunSeries series, boolean complete) {}

  /** Returns the report, or null when not every request reached a final status in time. */
  public static DemoReport run(String bootstrapServers, Options options, PrintStream out)
      throws InterruptedException {
    Measured measured = measure(bootstrapServers, options, out);
    return measured.complete() ? measured.report() : null;
  }

  /** {@link #run}, keeping the figures of an incomplete run too (for {@code --report}). */
  public static Measured measure(String bootstrapServers, Options options, PrintStream out)
      throws InterruptedException {
    Tally tally = new Tally();
    Tally warmup = new Tally();
    FakeIdentities people = new FakeIdentities(options.seed());
    String runId = Long.toString(System.currentTimeMillis(), 36);
    AtomicReference<Exception> sendFailure = new AtomicReference<>();
    try (ResultWatcher watcher =
            new ResultWatcher(
                bootstrapServers,
                (event, nanos) -> {
                  tally.received(event, nanos);
                  warmup.received(event, nanos);
                });
        KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
      if (options.warmupRequests() > 0) {
        out.printf("warming up with %,d requests...%n", options.warmupRequests());
        send(
            producer,
            warmup,
            "warmup-" + runId,
            options.warmupRequests(),
            people,
            options,
            sendFailure);
        long warmupDeadline = System.nanoTime() + options.timeout().toNanos();
        while (warmup.certifyUrls() < options.warmupRequests()
            && System.nanoTime() < warmupDeadline) {
          Thread.sleep(PROGRESS_EVERY_MS);
        }
      }
      long start = System.nanoTime();
      send(producer, tally, "demo-" + runId, options.requests(), people, options, sendFailure);
      long deadline = start + options.timeout().toNanos();
      while (tally.finalTotal() < options.requests()
          && System.nanoTime() < deadline
          && sendFailure.get() == null) {
        out.print(ProgressLine.render(tally, options.requests(), seconds(start)));
        out.flush();
        Thread.sleep(PROGRESS_EVERY_MS);
      }
      out.println(ProgressLine.render(tally, options.requests(), seconds(start)));
    }
    if (sendFailure.get() != null) {
      out.println("could not produce the requests: " + sendFailure.get());
      return new Measured(null, null, false);
    }
    DemoReport report = DemoReport.of(tally);
    out.print(report.render());
    return new Measured(report, RunSeries.of(tally), tally.finalTotal() == options.requests());
  }

  private static void send(
      KafkaProducer<String, byte[]> producer,
      Tally tally,
      String prefix,
      int count,
      FakeIdentities people,
      Options options,
      AtomicReference<Exception> sendFailure) {
    for (int i = 1; i <= count; i++) {
      String requestId = prefix + "-" + i;
      byte[] value =
          DemoRequests.json(
              DemoRequests.fields(
                  options.clientId(),
                  requestId,
                  people.next(),
                  options.ttlSeconds(),
                  options.returnUrl()));
      tally.sent(requestId, System.nanoTime());
      producer.send(
          new ProducerRecord<>(Topics.REQUESTS, requestId, value),
          (metadata, error) -> {
            if (error != null) {
              sendFailure.compareAndSet(null, error);
            }
          });
    }
    producer.flush();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
    return new KafkaProducer<>(
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
  }
}
