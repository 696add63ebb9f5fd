package io.facecheck.worker.metrics;

import io.facecheck.worker.dispatch.BatchObserver;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Records per polled batch and the time until every record of it ended. */
public final class BatchMeters implements BatchObserver {

  private final DistributionSummary size;
  private final Timer time;

  public BatchMeters(MeterRegistry registry) {
    size =
        DistributionSummary.builder("facecheck.worker.batch.records")
            .description("records per polled batch")
            .serviceLevelObjectives(1, 10, 50, 100, 250, 500)
            .register(registry);
    time =
        Timer.builder("facecheck.worker.batch.time")
            .description("from a batch's start until every record of it ended")
            .serviceLevelObjectives(
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2))
            .register(registry);
  }

  @Override
  public void batchDone(int records, long nanos) {
    size.record(records);
    time.record(nanos, TimeUnit.NANOSECONDS);
  }
}
