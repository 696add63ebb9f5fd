package io.facecheck.devstack.demo;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the demo has seen so far, per request: when it was sent, when its certify URL and its final
 * status arrived. Times are {@link System#nanoTime()} readings taken by the demo itself.
 */
public final class Tally {

  /** One request's milestones; 0 means "not yet". */
  static final class Milestones {
    volatile long sentNanos;
    volatile long certifyUrlNanos;
    volatile long finalNanos;
    volatile ResultStatus finalStatus;
  }

  private final Map<String, Milestones> byRequest = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger certifyUrls = new AtomicInteger();
  private final Map<ResultStatus, AtomicInteger> finals = new EnumMap<>(ResultStatus.class);
  private final AtomicInteger finalTotal = new AtomicInteger();
  private final AtomicInteger unexpected = new AtomicInteger();

  public Tally() {
    for (ResultStatus status : ResultStatus.values()) {
      finals.put(status, new AtomicInteger());
    }
  }

  public void sent(String requestId, long nanos) {
    byRequest.computeIfAbsent(requestId, id -> new Milestones()).sentNanos = nanos;
    sent.incrementAndGet();
  }

  /** Counts each event once; a redelivered or unknown one is ignored (and counted apart). */
  public void received(VerificationResult event, long nanos) {
    Milestones m = byRequest.get(event.requestId());
    if (m == null) {
      unexpected.incrementAndGet();
      return;
    }
    synchronized (m) {
      if (event.type() == ResultType.CERTIFY_URL_ISSUED && m.certifyUrlNanos == 0) {
        m.certifyUrlNanos = nanos;
        certifyUrls.incrementAndGet();
      } else if (event.isFinal() && m.finalStatus == null) {
        m.finalNanos = nanos;
        m.finalStatus = event.status();
        finals.get(event.status()).incrementAndGet();
        finalTotal.incrementAndGet();
      }
    }
  }

  public int sent() {
    return sent.get();
  }

  public int certifyUrls() {
    return certifyUrls.get();
  }

  public int finalTotal() {
    return finalTotal.get();
  }

  public int unexpected() {
    return unexpected.get();
  }

  public int finals(ResultStatus status) {
    return finals.get(status).get();
  }

  Iterable<Milestones> milestones() {
    return byRequest.values();
  }
}
