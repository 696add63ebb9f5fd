package io.facecheck.reconciler.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What waits in PostgreSQL: ladder queries due and overdue (due for longer than a claim's lease, so
 * no reconciler took them in time) with the oldest overdue one's age, and outbox rows not yet
 * published with the oldest one's age. Read every {@code every} on a thread of its own, never on a
 * scrape, so a paused database cannot hang /actuator/prometheus; a failed read keeps the last
 * figures. Each reconciler reports the same global figures: alerts take their max.
 */
public final class Backlogs implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Backlogs.class);

  private static final String LADDER =
      "SELECT count(*), count(*) FILTER (WHERE next_query_at < ?), min(next_query_at)"
          + " FROM verifications WHERE status = 'AWAITING_USER' AND next_query_at <= ?";
  private static final String OUTBOX =
      "SELECT count(*), min(created_at) FROM outbox WHERE published_at IS NULL";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration overdueAfter;
  private final ScheduledExecutorService timer;
  private volatile Snapshot last = new Snapshot(0, 0, 0, 0, 0);
  private boolean failing;

  private record Snapshot(
      long due,
      long overdue,
      double oldestOverdueSeconds,
      long unpublished,
      double oldestSeconds) {}

  public Backlogs(
      MeterRegistry registry,
      DataSource dataSource,
      Clock clock,
      Duration overdueAfter,
      Duration every) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(10);
    this.clock = clock;
    this.overdueAfter = overdueAfter;
    gauge(registry, "facecheck.reconciler.ladder.due", "ladder queries due now", s -> s.due);
    gauge(
        registry,
        "facecheck.reconciler.ladder.overdue",
        "ladder queries due for longer than a claim's lease",
        s -> s.overdue);
    Gauge.builder(
            "facecheck.reconciler.ladder.oldest.overdue.age",
            this,
            b -> b.last.oldestOverdueSeconds)
        .description("how long the oldest overdue ladder query has been due")
        .baseUnit("seconds")
        .register(registry);
    gauge(
        registry,
        "facecheck.relay.outbox.backlog",
        "outbox rows not yet published",
        s -> s.unpublished);
    Gauge.builder("facecheck.relay.outbox.oldest.unpublished.age", this, b -> b.last.oldestSeconds)
        .description("age of the oldest outbox row not yet published")
        .baseUnit("seconds")
        .register(registry);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backlog-metrics");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::refresh, 0, Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      java.util.function.ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, this, b -> value.applyAsDouble(b.last))
        .description(description)
        .register(registry);
  }

  void refresh() {
    try {
      Instant now = clock.instant();
      Timestamp nowTs = Timestamp.from(now);
      Timestamp overdueBefore = Timestamp.from(now.minus(overdueAfter));
      long[] ladder = new long[2];
      Timestamp[] oldestDue = new Timestamp[1];
      jdbc.query(
          LADDER,
          rs -> {
            ladder[0] = rs.getLong(1);
            ladder[1] = rs.getLong(2);
            oldestDue[0] = rs.getTimestamp(3);
          },
          overdueBefore,
          nowTs);
      long[] outbox = new long[1];
      Timestamp[] oldestRow = new Timestamp[1];
      jdbc.query(
          OUTBOX,
          rs -> {
            outbox[0] = rs.getLong(1);
            oldestRow[0] = rs.getTimestamp(2);
          });
      double oldestOverdue = ladder[1] == 0 ? 0 : secondsSince(oldestDue[0], now);
      last =
          new Snapshot(
              ladder[0], ladder[1], oldestOverdue, outbox[0], secondsSince(oldestRow[0], now));
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        log.warn("backlog metrics not read: {}", e.toString());
      }
      failing = true;
    }
  }

  private static double secondsSince(Timestamp at, Instant now) {
    return at == null ? 0 : Math.max(0, Duration.between(at.toInstant(), now).toMillis() / 1000.0);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
