package io.facecheck.worker.dispatch;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor that bounds how many records are worked on at once. Platform threads by default;
 * virtual threads on request when the JVM has them (we compile for 17, so they are looked up
 * reflectively), still capped by a semaphore because every record costs CPU for RSA signing.
 */
public final class InFlightExecutors {

  private InFlightExecutors() {}

  public static ExecutorService create(int maxInFlight, boolean preferVirtualThreads) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("facecheck.worker.max-in-flight must be at least 1");
    }
    if (preferVirtualThreads && virtualThreadsAvailable()) {
      return new BoundedExecutor(newVirtualThreadPerTask(), new Semaphore(maxInFlight));
    }
    // the queue is bounded in practice: listener threads × max.poll.records
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            maxInFlight,
            maxInFlight,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            named("facecheck-worker-"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  public static boolean virtualThreadsAvailable() {
    return Runtime.version().feature() >= 21;
  }

  private static ExecutorService newVirtualThreadPerTask() {
    try {
      Method factory =
          java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads unavailable on " + Runtime.version(), e);
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
