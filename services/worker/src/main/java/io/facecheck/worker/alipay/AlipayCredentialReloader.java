package io.facecheck.worker.alipay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link AlipayClients#reload()} on a schedule, so keys and certificates rewritten on disk (a
 * rotation) are used without a restart. One daemon thread; nothing when the interval is not
 * positive.
 */
public final class AlipayCredentialReloader implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlipayCredentialReloader.class);

  private final ScheduledExecutorService scheduler;

  private AlipayCredentialReloader(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  public static AlipayCredentialReloader start(AlipayClients clients, Duration interval) {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      return new AlipayCredentialReloader(null);
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "alipay-credential-reloader");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            clients.reload();
          } catch (RuntimeException e) {
            // the next run tries again; the current clients stay
            log.warn("Alipay credential reload failed ({})", e.getClass().getSimpleName());
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
    return new AlipayCredentialReloader(scheduler);
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
