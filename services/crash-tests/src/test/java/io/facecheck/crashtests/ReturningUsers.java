package io.facecheck.crashtests;

import io.facecheck.simulator.AlipaySimulator;
import io.facecheck.simulator.user.Completion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Users who finish their face scan at a moment the test picks and come back, played by the
 * simulator's own user ({@link AlipaySimulator#complete}, what its automatic user calls): the scan
 * is recorded at the simulator, then its {@code ReturnUrlVisitor} opens the return_url the worker
 * gave Alipay (intake's callback) and follows the redirect to the business page, as a browser
 * would, giving up after 15 s as a user would.
 */
final class ReturningUsers {

  /**
   * One user's scan and return; {@code returnUrlStatus} is what the browser finally got (200 on the
   * business page), null when it got nothing, with {@code returnUrlError} saying why.
   */
  record Return(
      String requestId,
      boolean passed,
      Instant startedAt,
      Duration took,
      Integer returnUrlStatus,
      String returnUrlError) {

    boolean landed() {
      return returnUrlStatus != null && returnUrlStatus == 200;
    }

    boolean startedBetween(Instant from, Instant to) {
      return !startedAt.isBefore(from) && startedAt.isBefore(to);
    }
  }

  private final AlipaySimulator simulator;
  private final List<Return> returns = new CopyOnWriteArrayList<>();

  ReturningUsers(AlipaySimulator simulator) {
    this.simulator = simulator;
  }

  /** Passes or fails the scan of {@code certifyId}, then returns through the return_url. */
  Return finishAndReturn(String requestId, String certifyId, boolean passes) {
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    Completion completion = simulator.complete(certifyId, passes, true);
    Return done =
        new Return(
            requestId,
            passes,
            startedAt,
            Duration.ofNanos(System.nanoTime() - start),
            completion.returnUrlStatus(),
            completion.returnUrlError());
    returns.add(done);
    return done;
  }

  List<Return> returns() {
    return List.copyOf(returns);
  }
}
