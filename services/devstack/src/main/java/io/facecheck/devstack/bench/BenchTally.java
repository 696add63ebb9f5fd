package io.facecheck.devstack.bench;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per request of one phase: when it was due to be sent, when its certify URL and its final event
 * arrived ({@link System#nanoTime()} readings). With open-loop arrivals "due" is the schedule, not
 * the moment the send happened, so a driver that fell behind cannot hide the delay.
 */
final class BenchTally {

  /** One request's milestones; 0 (or null) means "not yet". */
  static final class Milestones {
    volatile long dueNanos;
    volatile long certifyUrlNanos;
    volatile long finalNanos;
    volatile ResultStatus finalStatus;
  }

  private final Map<String, Milestones> byRequest = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger certifyUrls = new AtomicInteger();
  private final AtomicInteger finals = new AtomicInteger();

  void sent(String requestId, long dueNanos) {
    Milestones m = new Milestones();
    m.dueNanos = dueNanos;
    byRequest.put(requestId, m);
    sent.incrementAndGet();
  }

  /** Counts each milestone once; events of other phases or runs are not this tally's. */
  void received(VerificationResult event, long nanos) {
    Milestones m = byRequest.get(event.requestId());
    if (m == null) {
      return;
    }
    synchronized (m) {
      if (event.type() == ResultType.CERTIFY_URL_ISSUED && m.certifyUrlNanos == 0) {
        m.certifyUrlNanos = nanos;
        certifyUrls.incrementAndGet();
      } else if (event.isFinal() && m.finalStatus == null) {
        m.finalNanos = nanos;
        m.finalStatus = event.status();
        finals.incrementAndGet();
      }
    }
  }

  int sent() {
    return sent.get();
  }

  int certifyUrls() {
    return certifyUrls.get();
  }

  int finals() {
    return finals.get();
  }

  List<Milestones> milestones() {
    return List.copyOf(byRequest.values());
  }
}
