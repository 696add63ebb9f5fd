package io.facecheck.devstack.chaos;

import io.facecheck.contracts.Topics;
import io.facecheck.devstack.chaos.verdict.Evidence.OffsetSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Once a second, every consumer group's committed offset and the end of each partition of the
 * pipeline's work topics, straight from Kafka. While the broker is down there are no samples; the
 * stall computation reads the gap as no progress.
 */
public final class OffsetSampler implements AutoCloseable {

  /** The topics whose consumers must keep moving (retry topics wait on purpose). */
  static final Set<String> WATCHED =
      Set.of(Topics.REQUESTS, Topics.CALLBACKS, Topics.QUERIES, Topics.QUERY_RESULTS);

  private final Admin admin;
  private final List<OffsetSample> samples =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "chaos-offsets"));

  public OffsetSampler(String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
    timer.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
  }

  private void sample() {
    try {
      long at = System.currentTimeMillis();
      List<String> groups =
          admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS).stream()
              .map(g -> g.groupId())
              .toList();
      Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (String group : groups) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> watched = new HashMap<>();
        offsets.forEach(
            (tp, o) -> {
              if (o != null && WATCHED.contains(tp.topic())) {
                watched.put(tp, o);
                ends.put(tp, OffsetSpec.latest());
              }
            });
        committed.put(group, watched);
      }
      Map<TopicPartition, ListOffsetsResultInfo> end =
          admin.listOffsets(ends).all().get(5, TimeUnit.SECONDS);
      committed.forEach(
          (group, offsets) ->
              offsets.forEach(
                  (tp, o) ->
                      samples.add(
                          new OffsetSample(
                              at,
                              group,
                              tp.topic(),
                              tp.partition(),
                              o.offset(),
                              end.get(tp).offset()))));
    } catch (Exception e) {
      // broker down or busy: no sample this second
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public List<OffsetSample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    admin.close(java.time.Duration.ofSeconds(5));
  }
}
