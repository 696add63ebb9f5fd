package io.facecheck.reconciler.config;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a task on its own thread, again and again, pausing as long as the task asks (zero: at once).
 * A failing turn is logged and retried after a pause; stop() lets the current turn finish, so a
 * batch is never cut between sending and recording.
 */
public class PollingLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);

  private final String name;
  private final Supplier<Duration> turn;
  private final Runnable onStop;
  private final Object wakeUp = new Object();
  private volatile boolean running;
  private Thread thread;

  public PollingLoop(String name, Supplier<Duration> turn, Runnable onStop) {
    this.name = name;
    this.turn = turn;
    this.onStop = onStop;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "facecheck-" + name);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onStop.run();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      Duration pause;
      try {
        pause = turn.get();
      } catch (RuntimeException e) {
        log.warn("{} turn failed, retrying in {}: {}", name, PAUSE_AFTER_FAILURE, e.toString());
        pause = PAUSE_AFTER_FAILURE;
      }
      pauseFor(pause);
    }
  }

  private void pauseFor(Duration pause) {
    if (pause.isZero()) {
      return;
    }
    synchronized (wakeUp) {
      if (!running) {
        return;
      }
      try {
        wakeUp.wait(Math.max(1, pause.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
