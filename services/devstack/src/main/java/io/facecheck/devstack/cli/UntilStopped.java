package io.facecheck.devstack.cli;

import io.facecheck.devstack.stack.Stack;
import java.util.concurrent.CountDownLatch;

/** Keeps a command running until Ctrl-C (or SIGTERM), then stops the stack in order. */
final class UntilStopped {

  private UntilStopped() {}

  static void await(Stack running) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "devstack-stop"));
    stopped.await();
  }
}
