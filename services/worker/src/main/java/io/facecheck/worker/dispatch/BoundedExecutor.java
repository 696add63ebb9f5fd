package io.facecheck.worker.dispatch;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Runs tasks on a delegate, at most as many at once as the semaphore has permits. */
final class BoundedExecutor extends AbstractExecutorService {

  private final ExecutorService delegate;
  private final Semaphore permits;

  BoundedExecutor(ExecutorService delegate, Semaphore permits) {
    this.delegate = delegate;
    this.permits = permits;
  }

  @Override
  public void execute(Runnable task) {
    delegate.execute(
        () -> {
          // acquired inside the (virtual) thread: waiting costs no platform thread
          permits.acquireUninterruptibly();
          try {
            task.run();
          } finally {
            permits.release();
          }
        });
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }
}
