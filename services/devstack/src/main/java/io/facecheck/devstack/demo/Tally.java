package io.facecheck.devstack.demo;

import io.facecheck.contracts.result.ResultStatus;
import io.facecheck.contracts.result.ResultType;
import io.facecheck.contracts.result.VerificationResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run has seen so far, per request: when its latency starts, when its certify URL and its
 * final status arrived ({@link System#nanoTime()} readings taken by the run itself). The demo
 * starts the clock at the send; the bench at the request's due time, so with open-loop arrivals a
 * sender that fell behind cannot hide the delay. Events of requests it was not told about (another
 * phase, another run) are counted apart and change nothing.
 */
public final class Tally {

  /** One request's milestones; 0 (or null) means "not yet". */
  public static final class Milestones {
    private volatile long startNanos;
    private volatile long certifyUrlNanos;
    private volatile long finalNanos;
    private volatile ResultStatus finalStatus;

    /** Milestones as recorded, e.g. by a run that is over. */
    public static Milestones of(
        long startNanos, long certifyUrlNanos, long finalNanos, ResultStatus finalStatus) {
      Milestones m = new Milestones();
      m.startNanos = startNanos;
      m.certifyUrlNanos = certifyUrlNanos;
      m.finalNanos = finalNanos;
      m.finalStatus = finalStatus;
      return m;
    }

    /** When the request's latency starts: its send, or its due time. */
    public long startNanos() {
      return startNanos;
    }

    public long certifyUrlNanos() {
      return certifyUrlNanos;
    }

    public long finalNanos() {
      return finalNanos;
    }

    public ResultStatus finalStatus() {
      return finalStatus;
    }
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

  /** The request is under way; its latency counts from {@code startNanos}. */
  public void sent(String requestId, long startNanos) {
    byRequest.computeIfAbsent(requestId, id -> new Milestones()).startNanos = startNanos;
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

  public List<Milestones> milestones() {
    return List.copyOf(byRequest.values());
  }
}
