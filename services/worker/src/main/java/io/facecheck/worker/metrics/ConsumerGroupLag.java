package io.facecheck.worker.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code facecheck.kafka.consumer.lag} by group and topic: the end offsets minus the offsets the
 * group committed, summed over partitions, read through the admin API every {@code every}. Unlike
 * the consumer's own lag metrics it is there when the group's consumers are stuck or gone, which is
 * when it matters. A failed read keeps the last figures (and logs once per failure streak).
 */
public final class ConsumerGroupLag implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConsumerGroupLag.class);
  private static final long TIMEOUT_SECONDS = 10;

  private final Map<String, Object> adminConfig;
  private final Collection<String> groups;
  private final MultiGauge lag;
  private final ScheduledExecutorService timer;
  private Admin admin;
  private boolean failing;

  public ConsumerGroupLag(
      MeterRegistry registry,
      Map<String, Object> adminConfig,
      Collection<String> groups,
      Duration every) {
    this.adminConfig = Map.copyOf(adminConfig);
    this.groups = List.copyOf(groups);
    this.lag =
        MultiGauge.builder("facecheck.kafka.consumer.lag")
            .description("records on the topic not yet committed by the group")
            .register(registry);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "consumer-group-lag");
              t.setDaemon(true);
              return t;
            });
    // the first read waits a turn: the service's own consumers join their group first
    long millis = Math.max(1, every.toMillis());
    timer.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      if (admin == null) {
        admin = Admin.create(adminConfig);
      }
      List<MultiGauge.Row<?>> rows = new ArrayList<>();
      for (String group : groups) {
        lagByTopic(group)
            .forEach(
                (topic, value) ->
                    rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), value)));
      }
      lag.register(rows, true);
      failing = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!failing) {
        log.warn("consumer lag not read: {}", e.toString());
      }
      failing = true;
    }
  }

  private Map<String, Long> lagByTopic(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.forEach(
        (partition, offset) -> {
          if (offset != null) {
            latest.put(partition, OffsetSpec.latest());
          }
        });
    Map<String, Long> byTopic = new HashMap<>();
    if (latest.isEmpty()) {
      return byTopic;
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    ends.forEach(
        (partition, end) -> {
          long behind = Math.max(0, end.offset() - committed.get(partition).offset());
          byTopic.merge(partition.topic(), behind, Long::sum);
        });
    return byTopic;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(5));
    }
  }
}
